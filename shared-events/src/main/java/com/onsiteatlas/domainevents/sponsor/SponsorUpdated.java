package com.onsiteatlas.domainevents.sponsor;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.DomainEventPayload;

/** A sponsor's details changed; carries the full new state. */
public record SponsorUpdated(@JsonProperty(required = true) ConferenceRef event,
		@JsonProperty(required = true) SponsorSnapshot sponsor, @JsonProperty(required = true) Instant occurredAt,
		String actorUserId) implements DomainEventPayload {

	public SponsorUpdated {
		Objects.requireNonNull(event, "event is required");
		Objects.requireNonNull(sponsor, "sponsor is required");
		Objects.requireNonNull(occurredAt, "occurredAt is required");
	}

	@Override
	public String aggregateId() {
		return this.sponsor.id();
	}

}
