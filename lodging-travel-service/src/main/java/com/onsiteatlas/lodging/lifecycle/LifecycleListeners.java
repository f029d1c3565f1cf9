package com.onsiteatlas.lodging.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.conference.EventDeleted;
import com.onsiteatlas.domainevents.registration.RegistrationCancelled;
import com.onsiteatlas.domainevents.registration.RegistrationUpdated;
import com.onsiteatlas.lodging.booking.BookingReactions;
import com.onsiteatlas.lodging.document.DocumentStore;
import com.onsiteatlas.lodging.hotel.HotelService;
import com.onsiteatlas.lodging.inventory.InventoryService;
import com.onsiteatlas.lodging.registrant.Registrants;
import com.onsiteatlas.lodging.travel.TravelReactions;
import com.onsiteatlas.support.messaging.DomainEventListener;

/**
 * This service's reactions to platform events. Each is idempotent in effect: flags are
 * added once, refreshes set values, deletions of what is gone do nothing. The listener
 * names are the ones processed envelopes were remembered under before these were methods.
 */
@Component
class LifecycleListeners {

	private static final Logger logger = LoggerFactory.getLogger(LifecycleListeners.class);

	private final BookingReactions bookings;

	private final TravelReactions travel;

	private final HotelService hotels;

	private final InventoryService inventory;

	private final DocumentStore documents;

	private final Registrants registrants;

	LifecycleListeners(BookingReactions bookings, TravelReactions travel, HotelService hotels,
			InventoryService inventory, DocumentStore documents, Registrants registrants) {
		this.bookings = bookings;
		this.travel = travel;
		this.hotels = hotels;
		this.inventory = inventory;
		this.documents = documents;
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

	@DomainEventListener(name = "lodging-event-deleted")
	Mono<Void> onEventDeleted(EventDeleted deleted) {
		String eventId = deleted.eventId();
		return this.documents.deleteEvent(eventId)
			.then(Mono.zip(this.bookings.deleteEvent(eventId), this.travel.deleteEvent(eventId),
					this.hotels.deleteEvent(eventId)))
			.doOnNext((counts) -> logger.info(
					"Event {} deleted: removed {} bookings, {} travel records, {} hotels and their files", eventId,
					counts.getT1(), counts.getT2(), counts.getT3()))
			.then(this.inventory.deleteEvent(eventId));
	}

	private static String eventId(EventEnvelope<?> envelope, String fromPayload) {
		return (envelope.eventid() != null) ? envelope.eventid() : fromPayload;
	}

}
