package com.onsiteatlas.lodging.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.lodging.booking.BookingReactions;
import com.onsiteatlas.lodging.document.DocumentStore;
import com.onsiteatlas.lodging.hotel.HotelService;
import com.onsiteatlas.lodging.inventory.InventoryService;
import com.onsiteatlas.lodging.travel.TravelReactions;
import com.onsiteatlas.support.retention.ConferencePurge;

/**
 * Removes a deleted conference's lodging and travel data once its retention window ended:
 * documents (passports, tickets), bookings, travel records, hotels and inventory, what
 * event-deleted removed at once before. Idempotent: what is gone is not removed twice.
 */
@Component
class DeletedEventPurge implements ConferencePurge {

	private static final Logger logger = LoggerFactory.getLogger(DeletedEventPurge.class);

	private final BookingReactions bookings;

	private final TravelReactions travel;

	private final HotelService hotels;

	private final InventoryService inventory;

	private final DocumentStore documents;

	DeletedEventPurge(BookingReactions bookings, TravelReactions travel, HotelService hotels,
			InventoryService inventory, DocumentStore documents) {
		this.bookings = bookings;
		this.travel = travel;
		this.hotels = hotels;
		this.inventory = inventory;
		this.documents = documents;
	}

	@Override
	public Mono<Void> purge(String eventId) {
		return this.documents.deleteEvent(eventId)
			.then(Mono.zip(this.bookings.deleteEvent(eventId), this.travel.deleteEvent(eventId),
					this.hotels.deleteEvent(eventId)))
			.doOnNext((counts) -> logger.info(
					"Event {} purged: removed {} bookings, {} travel records, {} hotels and their files", eventId,
					counts.getT1(), counts.getT2(), counts.getT3()))
			.then(this.inventory.deleteEvent(eventId));
	}

}
