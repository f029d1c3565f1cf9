package com.onsiteatlas.domainevents.abstracts;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.PersonalInfo;
import com.onsiteatlas.domainevents.RegistrationSnapshot;

/**
 * An abstract was submitted; {@code registration} is absent when the author is not a
 * registrant.
 */
public record AbstractSubmitted(@JsonProperty(required = true) ConferenceRef event,
		@JsonProperty(value = "abstract", required = true) AbstractSnapshot abstractInfo,
		RegistrationSnapshot registration, PersonalInfo author, @JsonProperty(required = true) Instant occurredAt,
		String actorUserId) implements DomainEventPayload {

	public AbstractSubmitted {
		Objects.requireNonNull(event, "event is required");
		Objects.requireNonNull(abstractInfo, "abstract is required");
		Objects.requireNonNull(occurredAt, "occurredAt is required");
	}

	@Override
	public String aggregateId() {
		return this.abstractInfo.id();
	}

}
