package com.onsiteatlas.domainevents.abstracts;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.PersonalInfo;
import com.onsiteatlas.domainevents.RegistrationSnapshot;

/** An abstract's status changed (approved, rejected, revision requested, ...). */
public record AbstractStatusChanged(@JsonProperty(required = true) ConferenceRef event,
		@JsonProperty(value = "abstract", required = true) AbstractSnapshot abstractInfo,
		RegistrationSnapshot registration, PersonalInfo author, @JsonProperty(required = true) AbstractStatus oldStatus,
		@JsonProperty(required = true) AbstractStatus newStatus, String reason, Instant revisionDeadline,
		@JsonProperty(required = true) Instant occurredAt, String actorUserId) implements DomainEventPayload {

	public AbstractStatusChanged {
		Objects.requireNonNull(event, "event is required");
		Objects.requireNonNull(abstractInfo, "abstract is required");
		Objects.requireNonNull(oldStatus, "oldStatus is required");
		Objects.requireNonNull(newStatus, "newStatus is required");
		Objects.requireNonNull(occurredAt, "occurredAt is required");
	}

	@Override
	public String aggregateId() {
		return this.abstractInfo.id();
	}

}
