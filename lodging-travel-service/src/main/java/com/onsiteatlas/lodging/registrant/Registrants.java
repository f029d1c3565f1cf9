package com.onsiteatlas.lodging.registrant;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.RegistrationSnapshot;
import com.onsiteatlas.readmodel.ConferenceView;
import com.onsiteatlas.readmodel.Directory;
import com.onsiteatlas.readmodel.RegistrationView;
import com.onsiteatlas.support.security.AtlasPrincipal;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * Registrations and conferences as the projections know them, and the caller's scope.
 */
@Service
public class Registrants {

	private final Directory directory;

	Registrants(Directory directory) {
		this.directory = directory;
	}

	/**
	 * The caller's scope for an event. A registrant token bound to another event sees
	 * nothing of this one (404, so as not to reveal what exists).
	 * @param principal the caller
	 * @param eventId the event of the request
	 * @return the viewer
	 */
	public Viewer viewer(AtlasPrincipal principal, String eventId) {
		if (principal.isRegistrant()) {
			if (!principal.canReachEvent(eventId) || !ObjectIds.isValid(principal.userId())) {
				throw ApiException.notFound("Not found");
			}
			return new Viewer(principal.userId(), false, principal.userId().toLowerCase());
		}
		if (!principal.isStaff()) {
			throw ApiException.forbidden("You are not allowed to perform this action");
		}
		return new Viewer(principal.userId(), principal.isManaging(), null);
	}

	/**
	 * A registration of the event, or a 400 naming it when the service never heard of it
	 * or it belongs to another event.
	 * @param eventId the conference
	 * @param registration the registration {@code _id}
	 * @return the registration
	 */
	public Mono<RegistrationView> require(String eventId, String registration) {
		if (registration == null || registration.isBlank()) {
			return Mono.error(ApiException.badRequest("'registration' is required"));
		}
		String id = ObjectIds.require(registration, "registration");
		return this.directory.registration(eventId, id)
			.switchIfEmpty(Mono.error(ApiException.badRequest("Registration " + id
					+ " is not known for this event (unknown registration, or one of another event)")));
	}

	/**
	 * A registration of the event if the service knows it.
	 * @param eventId the conference
	 * @param registration the registration {@code _id}
	 * @return the registration, empty when unknown
	 */
	public Mono<RegistrationView> find(String eventId, String registration) {
		return this.directory.registration(eventId, registration);
	}

	/**
	 * The registration {@code _id} behind an id a client passes in a path: the
	 * {@code _id} itself or the human id ({@code REG-0001}).
	 * @param eventId the conference
	 * @param idOrHumanId either id
	 * @return the {@code _id}, empty when unknown
	 */
	public Mono<String> resolve(String eventId, String idOrHumanId) {
		if (ObjectIds.isValid(idOrHumanId)) {
			return Mono.just(idOrHumanId.toLowerCase());
		}
		return this.directory.registrationByHumanId(eventId, idOrHumanId).map(RegistrationView::id);
	}

	/**
	 * The conference as events carry it; a conference the service has not heard of yet is
	 * named by its id.
	 * @param eventId the conference
	 * @return the reference
	 */
	public Mono<ConferenceRef> conference(String eventId) {
		return this.directory.conference(eventId)
			.map(Registrants::conferenceRef)
			.defaultIfEmpty(new ConferenceRef(eventId, eventId, null, null, null, null));
	}

	public Mono<ConferenceView> conferenceView(String eventId) {
		return this.directory.conference(eventId);
	}

	static ConferenceRef conferenceRef(ConferenceView view) {
		return new ConferenceRef(view.id(), (view.name() != null) ? view.name() : view.id(), view.startDate(),
				view.endDate(), view.timezone(), view.venue());
	}

	/**
	 * The registration as events carry it.
	 * @param view the projected registration
	 * @return the snapshot
	 */
	public static RegistrationSnapshot snapshot(RegistrationView view) {
		return new RegistrationSnapshot(view.id(), view.registrationId(), view.personalInfo(), view.category(),
				(view.status() != null) ? view.status() : "active", view.paymentStatus(), view.registrationType(),
				view.amountCents(), view.currency(), view.customFields());
	}

	/**
	 * The display name of a registration.
	 * @param view the projected registration
	 * @return first and last name, or the human id
	 */
	public static String name(RegistrationView view) {
		return (view.personalInfo() != null) ? view.personalInfo().fullName() : view.registrationId();
	}

}
