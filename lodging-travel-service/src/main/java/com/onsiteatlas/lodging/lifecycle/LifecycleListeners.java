package com.onsiteatlas.lodging.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.registration.RegistrationCancelled;
import com.onsiteatlas.domainevents.registration.RegistrationUpdated;
import com.onsiteatlas.lodging.booking.BookingReactions;
import com.onsiteatlas.lodging.registrant.Registrants;
import com.onsiteatlas.lodging.travel.TravelReactions;
import com.onsiteatlas.support.messaging.DomainEventListener;

/**
 * This service's reactions to platform events. Each is idempotent in effect: flags are
 * added once, refreshes set values, deletions of what is gone do nothing. The listener
 * names are the ones processed envelopes were remembered under before these were methods.
 * event-deleted leaves a tombstone (service-support's retention);
 * {@link DeletedEventPurge} removes the conference's data after the retention window.
 */
@Component
class LifecycleListeners {

	private static final Logger logger = LoggerFactory.getLogger(LifecycleListeners.class);

	private final BookingReactions bookings;

	private final TravelReactions travel;

	private final Registrants registrants;

	LifecycleListeners(BookingReactions bookings, TravelReactions travel, Registrants registrants) {
		this.bookings = bookings;
		this.travel = travel;
		this.registrants = registrants;
	}

	@DomainEventListener(name = "lodging-registration-cancelled")
	Mono<Void> onRegistrationCancelled(EventEnvelope<RegistrationCancelled> envelope) {
		return this.bookings.flagCancelledRegistration(eventId(envelope, envelope.data().event().id()),
				envelope.data().registration());
	}

	@DomainEventListener(name = "lodging-registration-updated")
	Mono<Void> onRegistrationUpdated(EventEnvelope<RegistrationUpdated> envelope) {
		String eventId = eventId(envelope, envelope.data().event().id());
		// Skip an update older than what the projection already holds, so a late
		// redelivery does not bring back an old name.
		return this.registrants.find(eventId, envelope.data().registration().id())
			.map((view) -> view.lastEventTime() == null || !envelope.data().occurredAt().isBefore(view.lastEventTime()))
			.defaultIfEmpty(true)
			.filter(Boolean::booleanValue)
			.flatMap((current) -> this.bookings.refreshRegistration(eventId, envelope.data().registration())
				.then(this.travel.refreshRegistration(eventId, envelope.data().registration())));
	}

	private static String eventId(EventEnvelope<?> envelope, String fromPayload) {
		return (envelope.eventid() != null) ? envelope.eventid() : fromPayload;
	}

}
