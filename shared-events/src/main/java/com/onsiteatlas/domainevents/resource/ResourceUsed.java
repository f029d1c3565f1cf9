package com.onsiteatlas.domainevents.resource;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onsiteatlas.domainevents.AllowedValues;
import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.RegistrationSnapshot;

/** A meal, kit bag or certificate was scanned (or a scan voided) for a registrant. */
public record ResourceUsed(@JsonProperty(required = true) ConferenceRef event,
		@JsonProperty(required = true) RegistrationSnapshot registration,
		@JsonProperty(required = true) String resourceId,
		@JsonProperty(
				required = true) @AllowedValues("food|kitBag|certificate|certificatePrinting") String resourceType,
		String resourceOptionId, String resourceOptionName, @AllowedValues("used|voided") String status,
		String actionBy, @JsonProperty(required = true) Instant actionDate,
		@JsonProperty(required = true) Instant occurredAt) implements DomainEventPayload {

	public ResourceUsed {
		Objects.requireNonNull(event, "event is required");
		Objects.requireNonNull(registration, "registration is required");
		Objects.requireNonNull(resourceId, "resourceId is required");
		Objects.requireNonNull(resourceType, "resourceType is required");
		Objects.requireNonNull(actionDate, "actionDate is required");
		Objects.requireNonNull(occurredAt, "occurredAt is required");
	}

	@Override
	public String aggregateId() {
		return this.registration.id();
	}

}
