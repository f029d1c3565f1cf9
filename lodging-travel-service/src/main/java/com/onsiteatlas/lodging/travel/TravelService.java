package com.onsiteatlas.lodging.travel;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.PersonalInfo;
import com.onsiteatlas.domainevents.RegistrationSnapshot;
import com.onsiteatlas.domainevents.lodging.TravelDocumentDeleted;
import com.onsiteatlas.domainevents.lodging.TravelDocumentRef;
import com.onsiteatlas.domainevents.lodging.TravelDocumentUploaded;
import com.onsiteatlas.domainevents.lodging.TravelInfoCreated;
import com.onsiteatlas.domainevents.lodging.TravelInfoUpdated;
import com.onsiteatlas.domainevents.lodging.TravelLeg;
import com.onsiteatlas.domainevents.lodging.TravelSnapshot;
import com.onsiteatlas.lodging.booking.BookingQueries;
import com.onsiteatlas.lodging.booking.HotelBooking;
import com.onsiteatlas.lodging.calendar.Dates;
import com.onsiteatlas.lodging.registrant.Registrants;
import com.onsiteatlas.lodging.registrant.Viewer;
import com.onsiteatlas.support.messaging.Outbox;
import com.onsiteatlas.support.messaging.OutboxMessage;
import com.onsiteatlas.support.paging.MongoPaging;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;
import com.onsiteatlas.support.projection.RegistrationView;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * Travel itineraries and their documents. Each change is one single-document write that
 * carries its domain events.
 */
@Service
public class TravelService {

	static final Set<String> DOCUMENT_TYPES = Set.of("flight-ticket", "visa", "passport", "other");

	static final Set<String> ENCRYPTED_TYPES = Set.of("passport", "visa");

	static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "updatedAt", "updatedAt",
			"arrivalDate", "arrival.date", "departureDate", "departure.date", "status", "status", "registrationId",
			"registrationId", "lastName", "traveller.lastName");

	private final ReactiveMongoTemplate mongo;

	private final Registrants registrants;

	private final BookingQueries bookings;

	private final Outbox outbox;

	TravelService(ReactiveMongoTemplate mongo, Registrants registrants, BookingQueries bookings, Outbox outbox) {
		this.mongo = mongo;
		this.registrants = registrants;
		this.bookings = bookings;
		this.outbox = outbox;
	}

	Mono<TravelInfo> get(String eventId, String id, Viewer viewer) {
		String travelId = ObjectIds.require(id, "travel info id");
		return this.mongo.findById(travelId, TravelInfo.class)
			.filter((travel) -> eventId.equals(travel.event()) && viewer.mayAccess(travel.registration()))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Travel info not found")));
	}

	Mono<TravelInfoResponse> withWarnings(TravelInfo travel) {
		return withWarnings(List.of(travel)).map((list) -> list.get(0));
	}

	Mono<List<TravelInfoResponse>> withWarnings(List<TravelInfo> travels) {
		if (travels.isEmpty()) {
			return Mono.just(List.of());
		}
		List<String> registrations = travels.stream().map(TravelInfo::registration).toList();
		return this.bookings.activeFor(travels.get(0).event(), registrations)
			.collectMultimap(HotelBooking::registration)
			.map((byRegistration) -> travels.stream().map((travel) -> {
				HotelBooking booking = byRegistration.getOrDefault(travel.registration(), List.of())
					.stream()
					.max(Comparator.comparing(HotelBooking::createdAt))
					.orElse(null);
				return new TravelInfoResponse(travel, Itineraries.warnings(travel, booking));
			}).toList());
	}

	Mono<Paged<TravelInfo>> list(String eventId, Viewer viewer, PageQuery page, TravelFilter filter) {
		Criteria criteria = Criteria.where("event").is(eventId);
		if (viewer.isRegistrant()) {
			criteria.and("registration").is(viewer.registrationId());
		}
		else if (filter.registration() != null) {
			criteria.and("registration").is(ObjectIds.require(filter.registration(), "registration"));
		}
		if (filter.status() != null) {
			criteria.and("status").is(TravelStatus.of(filter.status()).value());
		}
		List<Criteria> and = new ArrayList<>();
		if (filter.airport() != null) {
			String airport = filter.airport().trim().toUpperCase(Locale.ROOT);
			and.add(new Criteria().orOperator(Criteria.where("arrival.airport").is(airport),
					Criteria.where("departure.airport").is(airport)));
		}
		if (filter.transferRequired() != null) {
			if (filter.transferRequired()) {
				and.add(new Criteria().orOperator(Criteria.where("arrival.transferRequired").is(true),
						Criteria.where("departure.transferRequired").is(true)));
			}
			else {
				and.add(Criteria.where("arrival.transferRequired").ne(true));
				and.add(Criteria.where("departure.transferRequired").ne(true));
			}
		}
		Instant from = Dates.parse(filter.arrivalFrom(), "arrivalFrom");
		Instant to = Dates.parse(filter.arrivalTo(), "arrivalTo");
		if (from != null) {
			and.add(Criteria.where("arrival.date").gte(from));
		}
		if (to != null) {
			and.add(Criteria.where("arrival.date").lte(to));
		}
		if (filter.search() != null) {
			criteria.and("searchText").regex(Pattern.quote(filter.search().trim().toLowerCase(Locale.ROOT)));
		}
		if (!and.isEmpty()) {
			criteria.andOperator(and);
		}
		return MongoPaging.find(this.mongo, Query.query(criteria), TravelInfo.class, page);
	}

	Mono<TravelInfo> byRegistration(String eventId, Viewer viewer, String registration) {
		return this.registrants.resolve(eventId, registration)
			.filter(viewer::mayAccess)
			.flatMap((id) -> this.mongo
				.findOne(Query.query(Criteria.where("event").is(eventId).and("registration").is(id)), TravelInfo.class))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("No travel info for this registration")));
	}

	Mono<TravelInfo> create(String eventId, Viewer viewer, TravelRequest request) {
		String registration = request.registration();
		if (viewer.isRegistrant()) {
			if (registration != null && !viewer.mayAccess(registration)) {
				return Mono.error(ApiException.notFound("Registration not found"));
			}
			if (request.status() != null && !"pending".equals(request.status())) {
				return Mono.error(ApiException.forbidden("Only the organisers change the travel status"));
			}
			registration = viewer.registrationId();
		}
		TravelStatus status = (request.status() != null) ? TravelStatus.of(request.status()) : TravelStatus.PENDING;
		return this.registrants.require(eventId, registration).flatMap((view) -> {
			TravelInfo.Leg arrival = Itineraries.leg(request.arrival(), null, "arrival");
			TravelInfo.Leg departure = Itineraries.leg(request.departure(), null, "departure");
			Itineraries.requireOrder(arrival, departure);
			Instant now = now();
			TravelInfo travel = new TravelInfo(new ObjectId().toHexString(), eventId, view.id(), view.registrationId(),
					view.personalInfo(), arrival, departure, List.of(), request.notes(), status, viewer.userId(), now,
					now, searchText(view.personalInfo(), view.registrationId()), null);
			return this.registrants.conference(eventId)
				.flatMap((conference) -> this.outbox.entry(new TravelInfoCreated(conference, Registrants.snapshot(view),
						snapshot(travel), now, viewer.userId()), eventId))
				.flatMap((message) -> this.mongo.insert(travel.withOutbox(List.of(message))))
				.onErrorMap(DuplicateKeyException.class,
						(ex) -> ApiException.conflict(
								"This registration already has travel info; update it with PUT /travel-info/{id}"))
				.doOnSuccess((saved) -> this.outbox.nudge());
		});
	}

	Mono<TravelInfo> update(String eventId, String id, Viewer viewer, TravelRequest request) {
		return get(eventId, id, viewer).flatMap((old) -> {
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
			List<String> changed = new ArrayList<>();
			note(changed, "arrival", old.arrival(), arrival);
			note(changed, "departure", old.departure(), departure);
			note(changed, "notes", old.notes(), notes);
			note(changed, "status", old.status(), status);
			if (changed.isEmpty()) {
				return Mono.just(old);
			}
			Instant now = now();
			Update update = new Update().set("arrival", arrival)
				.set("departure", departure)
				.set("notes", notes)
				.set("status", status.value())
				.set("updatedAt", now);
			TravelInfo after = old.withItinerary(arrival, departure, notes, status, now);
			return write(old, update, (context) -> new TravelInfoUpdated(context.conference(), context.registration(),
					snapshot(after), changed, now, viewer.userId()));
		});
	}

	Mono<TravelInfo> delete(String eventId, String id, Viewer viewer) {
		return get(eventId, id, viewer).flatMap(
				(old) -> this.mongo.findAndRemove(Query.query(Criteria.where("_id").is(old.id())), TravelInfo.class)
					.switchIfEmpty(Mono.error(() -> ApiException.notFound("Travel info not found"))));
	}

	Mono<TravelInfo> addDocument(TravelInfo old, TravelInfo.TravelDocument document, String actor) {
		Instant now = now();
		return write(old, new Update().push("documents", document).set("updatedAt", now),
				(context) -> new TravelDocumentUploaded(context.conference(), context.registration(), old.id(),
						reference(document), now, actor));
	}

	Mono<TravelInfo> removeDocument(TravelInfo old, TravelInfo.TravelDocument document, String actor) {
		Instant now = now();
		return write(old,
				new Update().pull("documents", Query.query(Criteria.where("_id").is(document.id())).getQueryObject())
					.set("updatedAt", now),
				(context) -> new TravelDocumentDeleted(context.conference(), context.registration(), old.id(),
						reference(document), now, actor));
	}

	/**
	 * Refreshes the traveller details kept on a registration's travel info.
	 * @param eventId the conference
	 * @param registration the registration as the event carried it
	 * @return completes when done
	 */
	public Mono<Void> refreshRegistration(String eventId, RegistrationSnapshot registration) {
		return this.mongo
			.updateMulti(Query.query(Criteria.where("event").is(eventId).and("registration").is(registration.id())),
					new Update().set("traveller", registration.personalInfo())
						.set("registrationId", registration.registrationId())
						.set("searchText", searchText(registration.personalInfo(), registration.registrationId())),
					TravelInfo.class)
			.then();
	}

	/**
	 * Deletes the travel info of a deleted event (the stored files go with the event's
	 * GridFS files).
	 * @param eventId the conference
	 * @return number removed
	 */
	public Mono<Long> deleteEvent(String eventId) {
		return this.mongo.remove(Query.query(Criteria.where("event").is(eventId)), TravelInfo.class)
			.map((result) -> result.getDeletedCount());
	}

	/**
	 * Itineraries with a leg needing transfer in a date range, for the transfer manifest.
	 * @param eventId the conference
	 * @param arrivals arrivals (true) or departures (false)
	 * @param from first day
	 * @param to last day
	 * @return the itineraries
	 */
	public Flux<TravelInfo> transfers(String eventId, boolean arrivals, Instant from, Instant to) {
		String leg = arrivals ? "arrival" : "departure";
		return this.mongo.find(Query.query(Criteria.where("event")
			.is(eventId)
			.and(leg + ".transferRequired")
			.is(true)
			.and(leg + ".date")
			.gte(from)
			.lte(to)), TravelInfo.class);
	}

	private Mono<TravelInfo> write(TravelInfo before, Update update, Function<Context, DomainEventPayload> eventOf) {
		return context(before).flatMap((context) -> this.outbox.entry(eventOf.apply(context), before.event()))
			.flatMap((message) -> this.mongo.findAndModify(
					Query.query(Criteria.where("_id").is(before.id()).and("updatedAt").is(before.updatedAt())),
					Outbox.push(update, List.of(message)), FindAndModifyOptions.options().returnNew(true),
					TravelInfo.class))
			.switchIfEmpty(Mono.error(() -> ApiException
				.conflict("The travel info was changed by someone else meanwhile; reload it and retry")))
			.doOnNext((saved) -> this.outbox.nudge());
	}

	private Mono<Context> context(TravelInfo travel) {
		Mono<RegistrationSnapshot> registration = this.registrants.find(travel.event(), travel.registration())
			.map(Registrants::snapshot)
			.defaultIfEmpty(new RegistrationSnapshot(travel.registration(),
					(travel.registrationId() != null) ? travel.registrationId() : travel.registration(),
					(travel.traveller() != null) ? travel.traveller()
							: new PersonalInfo("", "", null, null, null, null, null),
					null, "active", null, null, null, null, Map.of()));
		return Mono.zip(this.registrants.conference(travel.event()), registration)
			.map((tuple) -> new Context(tuple.getT1(), tuple.getT2()));
	}

	static TravelSnapshot snapshot(TravelInfo travel) {
		return new TravelSnapshot(travel.id(), leg(travel.arrival()), leg(travel.departure()), travel.status().value(),
				(travel.documents() != null) ? travel.documents().size() : 0);
	}

	private static TravelLeg leg(TravelInfo.Leg leg) {
		return (leg != null) ? new TravelLeg(leg.date(), leg.time(), leg.flightNumber(), leg.airport(), leg.terminal(),
				leg.transferRequired()) : null;
	}

	static TravelDocumentRef reference(TravelInfo.TravelDocument document) {
		return new TravelDocumentRef(document.id(), document.type(), document.name(), document.fileType(),
				document.fileSize());
	}

	private static void note(List<String> changed, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changed.add(field);
		}
	}

	static String searchText(PersonalInfo info, String registrationId) {
		Set<String> parts = new LinkedHashSet<>();
		if (info != null) {
			parts.add(info.firstName());
			parts.add(info.lastName());
			parts.add(info.email());
		}
		parts.add(registrationId);
		parts.remove(null);
		return parts.stream().collect(Collectors.joining(" ")).toLowerCase(Locale.ROOT);
	}

	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * Travel list filters.
	 *
	 * @param status status
	 * @param airport arrival or departure airport
	 * @param transferRequired whether a leg needs transfer
	 * @param arrivalFrom earliest arrival day
	 * @param arrivalTo latest arrival day
	 * @param search name, e-mail or registration id
	 * @param registration registration {@code _id}
	 */
	record TravelFilter(String status, String airport, Boolean transferRequired, String arrivalFrom, String arrivalTo,
			String search, String registration) {
	}

	private record Context(com.onsiteatlas.domainevents.ConferenceRef conference, RegistrationSnapshot registration) {
	}

}
