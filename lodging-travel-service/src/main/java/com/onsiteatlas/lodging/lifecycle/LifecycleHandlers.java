package com.onsiteatlas.lodging.lifecycle;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
import com.onsiteatlas.support.messaging.DomainEventHandler;
import com.onsiteatlas.support.messaging.DomainEventHandlers;

/**
 * This service's domain event handlers. Each is idempotent in effect: flags are added
 * once, refreshes set values, deletions of what is gone do nothing.
 */
@Configuration(proxyBeanMethods = false)
class LifecycleHandlers {

	private static final Logger logger = LoggerFactory.getLogger(LifecycleHandlers.class);

	@Bean
	DomainEventHandlers lodgingLifecycleHandlers(BookingReactions bookings, TravelReactions travel, HotelService hotels,
			InventoryService inventory, DocumentStore documents, Registrants registrants) {
		return new DomainEventHandlers(List.of(
				DomainEventHandler.of("lodging-registration-cancelled", RegistrationCancelled.class,
						(envelope) -> bookings.flagCancelledRegistration(
								eventId(envelope, envelope.data().event().id()), envelope.data().registration())),
				DomainEventHandler.of("lodging-registration-updated", RegistrationUpdated.class, (envelope) -> {
					String eventId = eventId(envelope, envelope.data().event().id());
					// Skip an update older than what the projection already holds, so a
					// late
					// redelivery does not bring back an old name.
					return registrants.find(eventId, envelope.data().registration().id())
						.map((view) -> view.lastEventTime() == null
								|| !envelope.data().occurredAt().isBefore(view.lastEventTime()))
						.defaultIfEmpty(true)
						.filter(Boolean::booleanValue)
						.flatMap((current) -> bookings.refreshRegistration(eventId, envelope.data().registration())
							.then(travel.refreshRegistration(eventId, envelope.data().registration())));
				}), DomainEventHandler.of("lodging-event-deleted", EventDeleted.class, (envelope) -> {
					String eventId = envelope.data().eventId();
					return documents.deleteEvent(eventId)
						.then(Mono.zip(bookings.deleteEvent(eventId), travel.deleteEvent(eventId),
								hotels.deleteEvent(eventId)))
						.doOnNext((counts) -> logger.info(
								"Event {} deleted: removed {} bookings, {} travel records, {} hotels and their files",
								eventId, counts.getT1(), counts.getT2(), counts.getT3()))
						.then(inventory.deleteEvent(eventId));
				})));
	}

	private static String eventId(EventEnvelope<?> envelope, String fromPayload) {
		return (envelope.eventid() != null) ? envelope.eventid() : fromPayload;
	}

}
