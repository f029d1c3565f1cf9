package com.onsiteatlas.domainevents.lodging;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.RegistrationSnapshot;

/** A hotel booking was recorded for a registration. */
public record HotelBookingCreated(@JsonProperty(required = true) ConferenceRef event,
		@JsonProperty(required = true) RegistrationSnapshot registration,
		@JsonProperty(required = true) HotelBookingSnapshot booking, @JsonProperty(required = true) Instant occurredAt,
		String actorUserId) implements DomainEventPayload {

	public HotelBookingCreated {
		Objects.requireNonNull(event, "event is required");
		Objects.requireNonNull(registration, "registration is required");
		Objects.requireNonNull(booking, "booking is required");
		Objects.requireNonNull(occurredAt, "occurredAt is required");
	}

	@Override
	public String aggregateId() {
		return this.booking.id();
	}

}
