package com.onsiteatlas.lodging.booking;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.lodging.hotel.HotelReferences;

/**
 * A hotel with bookings that are not cancelled cannot be deleted.
 */
@Component
class BookingHotelReferences implements HotelReferences {

	private final HotelBookingRepository bookings;

	BookingHotelReferences(HotelBookingRepository bookings) {
		this.bookings = bookings;
	}

	@Override
	public Mono<String> blockingDeletion(String eventId, String hotelId) {
		return this.bookings.countActiveAtHotel(eventId, hotelId)
			.filter((count) -> count > 0)
			.map((count) -> count + ((count == 1) ? " booking" : " bookings") + " (not cancelled)");
	}

}
