package com.onsiteatlas.domainevents.lodging;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.RegistrationSnapshot;

/** A travel document was deleted. */
public record TravelDocumentDeleted(@JsonProperty(required = true) ConferenceRef event,
		@JsonProperty(required = true) RegistrationSnapshot registration,
		@JsonProperty(required = true) String travelInfoId, @JsonProperty(required = true) TravelDocumentRef document,
		@JsonProperty(required = true) Instant occurredAt, String actorUserId) implements DomainEventPayload {

	public TravelDocumentDeleted {
		Objects.requireNonNull(event, "event is required");
		Objects.requireNonNull(registration, "registration is required");
		Objects.requireNonNull(travelInfoId, "travelInfoId is required");
		Objects.requireNonNull(document, "document is required");
		Objects.requireNonNull(occurredAt, "occurredAt is required");
	}

	@Override
	public String aggregateId() {
		return this.travelInfoId;
	}

}
