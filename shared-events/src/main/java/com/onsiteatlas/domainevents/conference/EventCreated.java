package com.onsiteatlas.domainevents.conference;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onsiteatlas.domainevents.DomainEventPayload;

/** A conference was created. */
public record EventCreated(@JsonProperty(required = true) ConferenceSnapshot event,
		@JsonProperty(required = true) Instant occurredAt, String actorUserId) implements DomainEventPayload {

	public EventCreated {
		Objects.requireNonNull(event, "event is required");
		Objects.requireNonNull(occurredAt, "occurredAt is required");
	}

	@Override
	public String aggregateId() {
		return this.event.id();
	}

}
