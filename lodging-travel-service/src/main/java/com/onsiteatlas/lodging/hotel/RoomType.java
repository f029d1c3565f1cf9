package com.onsiteatlas.lodging.hotel;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A bookable room type of a hotel; the price is per night in integer cents.
 *
 * @param id the room type id
 * @param name name, unique within the hotel (bookings and room blocks refer to it)
 * @param description description
 * @param capacity guests per room
 * @param amenities amenities
 * @param priceCents price per night in cents
 * @param currency ISO 4217 code
 */
public record RoomType(@JsonProperty("_id") String id, String name, String description, Integer capacity,
		List<String> amenities, Long priceCents, String currency) {
}
