package com.onsiteatlas.domainevents.lodging;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The hotel of a booking. */
public record HotelRef(@JsonProperty("_id") String hotelId, @JsonProperty(required = true) String name, String address,
		String contactInfo) {

	public HotelRef {
		Objects.requireNonNull(name, "name is required");
	}

}
