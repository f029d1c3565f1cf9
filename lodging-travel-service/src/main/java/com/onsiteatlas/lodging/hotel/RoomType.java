package com.onsiteatlas.lodging.hotel;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A bookable room type of a hotel; the price is per night in integer cents (minor units
 * of the currency), and is also given as {@code price} in major units, the spec's field.
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

	/**
	 * The price per night in major units ({@code 8500.00} for 850000 INR cents), as the
	 * spec and ONSITE ATLAS's client name it; derived, not stored.
	 * @return the price, or null without one
	 */
	@JsonProperty("price")
	public BigDecimal price() {
		return (this.priceCents != null) ? RoomPrices.toMajorUnits(this.priceCents, this.currency) : null;
	}

}
