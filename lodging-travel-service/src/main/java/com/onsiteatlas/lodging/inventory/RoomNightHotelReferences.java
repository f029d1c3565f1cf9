package com.onsiteatlas.lodging.inventory;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.lodging.hotel.HotelReferences;

/**
 * Room-block nights with booked rooms keep their hotel; empty nights are deleted with it.
 */
@Component
class RoomNightHotelReferences implements HotelReferences {

	private final RoomNightRepository nights;

	RoomNightHotelReferences(RoomNightRepository nights) {
		this.nights = nights;
	}

	@Override
	public Mono<String> blockingDeletion(String eventId, String hotelId) {
		return this.nights.countBookedAtHotel(eventId, hotelId)
			.filter((count) -> count > 0)
			.map((count) -> count + ((count == 1) ? " room-block night" : " room-block nights") + " with booked rooms");
	}

	@Override
	public Mono<Void> deleteWithHotel(String eventId, String hotelId) {
		return this.nights.removeUnbookedAtHotel(eventId, hotelId);
	}

}
