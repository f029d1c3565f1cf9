package com.onsiteatlas.domainevents.conference;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onsiteatlas.domainevents.DomainEventPayload;

/** A conference was deleted; consumers delete or anonymise what they hold for it. */
public record EventDeleted(@JsonProperty(required = true) String eventId, String name,
		@JsonProperty(required = true) Instant occurredAt, String actorUserId) implements DomainEventPayload {

	public EventDeleted {
		Objects.requireNonNull(eventId, "eventId is required");
		Objects.requireNonNull(occurredAt, "occurredAt is required");
	}

	@Override
	public String aggregateId() {
		return this.eventId;
	}

}
