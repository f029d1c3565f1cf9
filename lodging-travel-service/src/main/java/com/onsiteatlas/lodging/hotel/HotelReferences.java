package com.onsiteatlas.lodging.hotel;

import reactor.core.publisher.Mono;

/**
 * Something another feature keeps about a hotel. Deleting a hotel asks every
 * implementation first: any that still depends on the hotel refuses the deletion (409);
 * otherwise each removes what belongs only to the hotel. The booking and inventory
 * features implement this, so the hotel feature does not depend on them (they depend on
 * it).
 */
public interface HotelReferences {

	/**
	 * What still depends on the hotel and forbids deleting it.
	 * @param eventId the conference
	 * @param hotelId the hotel
	 * @return a description such as "2 bookings (not cancelled)", or empty when nothing
	 */
	Mono<String> blockingDeletion(String eventId, String hotelId);

	/**
	 * Removes what goes with the hotel, once nothing blocks its deletion.
	 * @param eventId the conference
	 * @param hotelId the hotel
	 * @return completes when done
	 */
	default Mono<Void> deleteWithHotel(String eventId, String hotelId) {
		return Mono.empty();
	}

}
