package com.onsiteatlas.domainevents.lodging;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onsiteatlas.domainevents.AllowedValues;
import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.RegistrationSnapshot;

/** A hotel booking moved along its lifecycle. */
public record HotelBookingStatusChanged(@JsonProperty(required = true) ConferenceRef event,
		@JsonProperty(required = true) RegistrationSnapshot registration,
		@JsonProperty(required = true) HotelBookingSnapshot booking,
		@JsonProperty(required = true) @AllowedValues(HotelBookingSnapshot.STATUSES) String oldStatus,
		@JsonProperty(required = true) @AllowedValues(HotelBookingSnapshot.STATUSES) String newStatus,
		@JsonProperty(required = true) Instant occurredAt, String actorUserId) implements DomainEventPayload {

	public HotelBookingStatusChanged {
		Objects.requireNonNull(event, "event is required");
		Objects.requireNonNull(registration, "registration is required");
		Objects.requireNonNull(booking, "booking is required");
		Objects.requireNonNull(oldStatus, "oldStatus is required");
		Objects.requireNonNull(newStatus, "newStatus is required");
		Objects.requireNonNull(occurredAt, "occurredAt is required");
	}

	@Override
	public String aggregateId() {
		return this.booking.id();
	}

}
