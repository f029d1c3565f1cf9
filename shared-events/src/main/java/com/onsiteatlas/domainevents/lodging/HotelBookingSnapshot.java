package com.onsiteatlas.domainevents.lodging;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onsiteatlas.domainevents.AllowedValues;

/** A hotel booking as it is after the fact. */
public record HotelBookingSnapshot(@JsonProperty(value = "_id", required = true) String id,
		@JsonProperty(required = true) HotelRef hotel, String roomType, String roomNumber,
		@JsonProperty(required = true) Instant checkInDate, @JsonProperty(required = true) Instant checkOutDate,
		Integer nights, String bookingReference,
		@JsonProperty(required = true) @AllowedValues(HotelBookingSnapshot.STATUSES) String bookingStatus,
		String specialRequests) {

	/** The booking lifecycle, in order. */
	public static final String STATUSES = "pending|confirmed|cancelled|checked-in|checked-out";

	public HotelBookingSnapshot {
		Objects.requireNonNull(id, "_id is required");
		Objects.requireNonNull(hotel, "hotel is required");
		Objects.requireNonNull(checkInDate, "checkInDate is required");
		Objects.requireNonNull(checkOutDate, "checkOutDate is required");
		Objects.requireNonNull(bookingStatus, "bookingStatus is required");
	}

}
