package com.onsiteatlas.domainevents.sponsor;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.DomainEventPayload;

/** A sponsor was added. */
public record SponsorCreated(@JsonProperty(required = true) ConferenceRef event,
		@JsonProperty(required = true) SponsorSnapshot sponsor, @JsonProperty(required = true) Instant occurredAt,
		String actorUserId) implements DomainEventPayload {

	public SponsorCreated {
		Objects.requireNonNull(event, "event is required");
		Objects.requireNonNull(sponsor, "sponsor is required");
		Objects.requireNonNull(occurredAt, "occurredAt is required");
	}

	@Override
	public String aggregateId() {
		return this.sponsor.id();
	}

}
