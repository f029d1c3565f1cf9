package com.onsiteatlas.domainevents.registration;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.RegistrationSnapshot;

/** A person registered for a conference. */
public record RegistrationCreated(@JsonProperty(required = true) ConferenceRef event,
		@JsonProperty(required = true) RegistrationSnapshot registration,
		@JsonProperty(required = true) Instant occurredAt, String actorUserId) implements DomainEventPayload {

	public RegistrationCreated {
		Objects.requireNonNull(event, "event is required");
		Objects.requireNonNull(registration, "registration is required");
		Objects.requireNonNull(occurredAt, "occurredAt is required");
	}

	@Override
	public String aggregateId() {
		return this.registration.id();
	}

}
