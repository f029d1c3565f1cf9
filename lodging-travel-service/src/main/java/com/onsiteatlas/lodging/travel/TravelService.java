package com.onsiteatlas.lodging.travel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import com.onsiteatlas.domainevents.lodging.TravelInfoUpdated;
import com.onsiteatlas.lodging.audit.Actor;
import com.onsiteatlas.lodging.registrant.Registrants;
import com.onsiteatlas.lodging.registrant.Viewer;
import com.onsiteatlas.support.web.ApiException;

/**
 * Creates, changes and deletes itineraries: a registrant its own (without touching the
 * status), staff any of their event; the status only moves forward.
 */
@Service
class TravelService {

	private final TravelQueries queries;

	private final Registrants registrants;

	private final TravelWriter writer;

	private final TravelDocuments documents;

	TravelService(TravelQueries queries, Registrants registrants, TravelWriter writer, TravelDocuments documents) {
		this.queries = queries;
		this.registrants = registrants;
		this.writer = writer;
		this.documents = documents;
	}

	Mono<TravelInfo> create(String eventId, Viewer viewer, TravelRequest request) {
		String registration = request.registration();
		if (viewer.isRegistrant()) {
			if (registration != null && !viewer.mayAccess(registration)) {
				return Mono.error(ApiException.notFound("Registration not found"));
			}
			if (request.status() != null && !TravelStatus.PENDING.value().equals(request.status())) {
				return Mono.error(ApiException.forbidden("Only the organisers change the travel status"));
			}
			registration = viewer.registrationId();
		}
		TravelStatus status = (request.status() != null) ? TravelStatus.of(request.status()) : TravelStatus.PENDING;
		return this.registrants.require(eventId, registration).flatMap((view) -> {
			TravelInfo.Leg arrival = Itineraries.leg(request.arrival(), null, "arrival");
			TravelInfo.Leg departure = Itineraries.leg(request.departure(), null, "departure");
			Itineraries.requireOrder(arrival, departure);
			Instant now = this.writer.now();
			TravelInfo travel = new TravelInfo(new ObjectId().toHexString(), eventId, view.id(), view.registrationId(),
					view.personalInfo(), arrival, departure, List.of(), request.notes(), status, viewer.userId(), now,
					now, TravelInfo.searchText(view.personalInfo(), view.registrationId()), null);
			return this.writer.insert(travel, view);
		});
	}

	Mono<TravelInfo> update(String eventId, String id, Viewer viewer, TravelRequest request) {
		return this.queries.get(eventId, id, viewer).flatMap((old) -> {
			if (request.registration() != null && !request.registration().equalsIgnoreCase(old.registration())) {
				return Mono.error(ApiException.badRequest("The registration of travel info cannot change"));
			}
			if (viewer.isRegistrant() && request.status() != null && !request.status().equals(old.status().value())) {
				return Mono.error(ApiException.forbidden("Only the organisers change the travel status"));
			}
			TravelStatus status = (request.status() != null) ? TravelStatus.of(request.status()) : old.status();
			if (!old.status().canBecome(status)) {
				return Mono.error(
						ApiException.conflict("Travel status moves forward only (pending, confirmed, completed); it is "
								+ old.status().value()));
			}
			TravelInfo.Leg arrival = Itineraries.leg(request.arrival(), old.arrival(), "arrival");
			TravelInfo.Leg departure = Itineraries.leg(request.departure(), old.departure(), "departure");
			Itineraries.requireOrder(arrival, departure);
			String notes = (request.notes() != null) ? request.notes() : old.notes();
			Instant now = this.writer.now();
			TravelInfo after = old.withItinerary(arrival, departure, notes, status, now);
			List<String> changed = changedFields(old, after);
			if (changed.isEmpty()) {
				return Mono.just(old);
			}
			TravelChange change = new TravelChange.Itinerary(arrival, departure, notes, status, now);
			return this.writer.write(old, change, (context) -> new TravelInfoUpdated(context.conference(),
					context.registration(), TravelEvents.snapshot(after), changed, now, viewer.userId()));
		});
	}

	/**
	 * Deletes an itinerary and the stored files of its documents.
	 * @param eventId the conference
	 * @param id the itinerary id
	 * @param viewer the caller
	 * @param actor the caller for the document audit
	 * @return the removed itinerary
	 */
	Mono<TravelInfo> delete(String eventId, String id, Viewer viewer, Actor actor) {
		return this.queries.get(eventId, id, viewer)
			.flatMap(this.writer::remove)
			.flatMap((removed) -> this.documents.discardAll(removed, actor).thenReturn(removed));
	}

	private static List<String> changedFields(TravelInfo old, TravelInfo after) {
		List<String> changed = new ArrayList<>();
		note(changed, "arrival", old.arrival(), after.arrival());
		note(changed, "departure", old.departure(), after.departure());
		note(changed, "notes", old.notes(), after.notes());
		note(changed, "status", old.status(), after.status());
		return changed;
	}

	private static void note(List<String> changed, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changed.add(field);
		}
	}

}
