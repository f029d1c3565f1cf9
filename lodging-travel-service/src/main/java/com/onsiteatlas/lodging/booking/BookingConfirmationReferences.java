package com.onsiteatlas.lodging.booking;

import java.time.Clock;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.lodging.document.DocumentReferences;

/**
 * The stored files named by bookings' confirmations, for the rekey of documents. Moving
 * the booking's {@code updatedAt} on with the switch makes every change based on a read
 * from before it fail as concurrent; status changes, guarded by the status only, leave
 * the confirmation as it is stored.
 */
@Component
class BookingConfirmationReferences implements DocumentReferences {

	private final HotelBookingRepository bookings;

	private final Clock clock;

	BookingConfirmationReferences(HotelBookingRepository bookings, Clock clock) {
		this.bookings = bookings;
		this.clock = clock;
	}

	@Override
	public String resourceType() {
		return BookingConfirmations.RESOURCE;
	}

	@Override
	public Mono<Boolean> replace(String resourceId, String oldFileId, String newFileId) {
		return this.bookings.replaceConfirmationFile(resourceId, oldFileId, newFileId, this.clock.instant());
	}

	@Override
	public Mono<Boolean> refersTo(String resourceId, String fileId) {
		return this.bookings.namesConfirmationFile(resourceId, fileId);
	}

}
