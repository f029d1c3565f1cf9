package com.onsiteatlas.domainevents.lodging;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.RegistrationSnapshot;

/** A registration's travel itinerary was recorded. */
public record TravelInfoCreated(@JsonProperty(required = true) ConferenceRef event,
		@JsonProperty(required = true) RegistrationSnapshot registration,
		@JsonProperty(required = true) TravelSnapshot travel, @JsonProperty(required = true) Instant occurredAt,
		String actorUserId) implements DomainEventPayload {

	public TravelInfoCreated {
		Objects.requireNonNull(event, "event is required");
		Objects.requireNonNull(registration, "registration is required");
		Objects.requireNonNull(travel, "travel is required");
		Objects.requireNonNull(occurredAt, "occurredAt is required");
	}

	@Override
	public String aggregateId() {
		return this.travel.id();
	}

}
