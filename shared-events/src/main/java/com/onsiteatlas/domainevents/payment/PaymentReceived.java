package com.onsiteatlas.domainevents.payment;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.RegistrationSnapshot;

/** A payment for a registration was captured; amounts are integer cents. */
public record PaymentReceived(@JsonProperty(required = true) ConferenceRef event,
		@JsonProperty(required = true) RegistrationSnapshot registration,
		@JsonProperty(required = true) String paymentId,
		@JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) long amountCents,
		@JsonProperty(required = true) String currency, @JsonProperty(required = true) String provider,
		String providerPaymentId, String method, String invoiceUrl, Instant capturedAt,
		@JsonProperty(required = true) Instant occurredAt) implements DomainEventPayload {

	public PaymentReceived {
		Objects.requireNonNull(event, "event is required");
		Objects.requireNonNull(registration, "registration is required");
		Objects.requireNonNull(paymentId, "paymentId is required");
		Objects.requireNonNull(currency, "currency is required");
		Objects.requireNonNull(provider, "provider is required");
		Objects.requireNonNull(occurredAt, "occurredAt is required");
	}

	@Override
	public String aggregateId() {
		return this.registration.id();
	}

}
