package com.onsiteatlas.domainevents.notification;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onsiteatlas.domainevents.AllowedValues;
import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.RegistrationRef;

/** A notification was accepted by its channel's provider. */
public record NotificationSent(@JsonProperty(required = true) String eventId,
		@JsonProperty(required = true) String notificationId, RegistrationRef registration, String triggerId,
		String templateId, @JsonProperty(required = true) @AllowedValues("email|sms|whatsapp") String channel,
		String providerMessageId, boolean testMode, int attempts, @JsonProperty(required = true) Instant sentAt,
		@JsonProperty(required = true) Instant occurredAt) implements DomainEventPayload {

	public NotificationSent {
		Objects.requireNonNull(eventId, "eventId is required");
		Objects.requireNonNull(notificationId, "notificationId is required");
		Objects.requireNonNull(channel, "channel is required");
		Objects.requireNonNull(sentAt, "sentAt is required");
		Objects.requireNonNull(occurredAt, "occurredAt is required");
	}

	@Override
	public String aggregateId() {
		return this.notificationId;
	}

}
