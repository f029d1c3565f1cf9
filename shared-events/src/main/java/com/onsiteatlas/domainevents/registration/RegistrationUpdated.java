package com.onsiteatlas.domainevents.registration;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.RegistrationSnapshot;

/**
 * A registration changed; {@code changedFields} names the changed paths,
 * {@code registration} the new state.
 */
public record RegistrationUpdated(@JsonProperty(required = true) ConferenceRef event,
		@JsonProperty(required = true) RegistrationSnapshot registration, List<String> changedFields,
		@JsonProperty(required = true) Instant occurredAt, String actorUserId) implements DomainEventPayload {

	public RegistrationUpdated {
		Objects.requireNonNull(event, "event is required");
		Objects.requireNonNull(registration, "registration is required");
		Objects.requireNonNull(occurredAt, "occurredAt is required");
		changedFields = (changedFields != null) ? List.copyOf(changedFields) : List.of();
	}

	@Override
	public String aggregateId() {
		return this.registration.id();
	}

}
