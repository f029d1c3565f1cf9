package com.onsiteatlas.domainevents.registration;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.RegistrationSnapshot;

/** A registrant was checked in on site; {@code checkedInBy} is the staff user id. */
public record CheckInCompleted(@JsonProperty(required = true) ConferenceRef event,
		@JsonProperty(required = true) RegistrationSnapshot registration,
		@JsonProperty(required = true) Instant checkedInAt, String checkedInBy,
		@JsonProperty(required = true) Instant occurredAt) implements DomainEventPayload {

	public CheckInCompleted {
		Objects.requireNonNull(event, "event is required");
		Objects.requireNonNull(registration, "registration is required");
		Objects.requireNonNull(checkedInAt, "checkedInAt is required");
		Objects.requireNonNull(occurredAt, "occurredAt is required");
	}

	@Override
	public String aggregateId() {
		return this.registration.id();
	}

}
