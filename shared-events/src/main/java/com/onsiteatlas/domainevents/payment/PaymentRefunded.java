package com.onsiteatlas.domainevents.payment;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.RegistrationSnapshot;

/** A payment was refunded in full or in part; amounts are integer cents. */
public record PaymentRefunded(@JsonProperty(required = true) ConferenceRef event,
		@JsonProperty(required = true) RegistrationSnapshot registration,
		@JsonProperty(required = true) String paymentId,
		@JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) long refundedCents,
		@JsonProperty(required = true) String currency, String provider, String providerPaymentId, boolean fullRefund,
		String reason, @JsonProperty(required = true) Instant occurredAt) implements DomainEventPayload {

	public PaymentRefunded {
		Objects.requireNonNull(event, "event is required");
		Objects.requireNonNull(registration, "registration is required");
		Objects.requireNonNull(paymentId, "paymentId is required");
		Objects.requireNonNull(currency, "currency is required");
		Objects.requireNonNull(occurredAt, "occurredAt is required");
	}

	@Override
	public String aggregateId() {
		return this.registration.id();
	}

}
