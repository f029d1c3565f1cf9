package com.onsiteatlas.domainevents.lodging;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.RegistrationSnapshot;

/** A hotel booking's details changed; {@code changedFields} names what changed. */
public record HotelBookingUpdated(@JsonProperty(required = true) ConferenceRef event,
		@JsonProperty(required = true) RegistrationSnapshot registration,
		@JsonProperty(required = true) HotelBookingSnapshot booking, List<String> changedFields,
		@JsonProperty(required = true) Instant occurredAt, String actorUserId) implements DomainEventPayload {

	public HotelBookingUpdated {
		Objects.requireNonNull(event, "event is required");
		Objects.requireNonNull(registration, "registration is required");
		Objects.requireNonNull(booking, "booking is required");
		changedFields = (changedFields != null) ? List.copyOf(changedFields) : List.of();
		Objects.requireNonNull(occurredAt, "occurredAt is required");
	}

	@Override
	public String aggregateId() {
		return this.booking.id();
	}

}
