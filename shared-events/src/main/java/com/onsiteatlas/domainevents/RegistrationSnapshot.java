package com.onsiteatlas.domainevents;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A registration as it is after the fact, denormalised from ONSITE ATLAS
 * {@code Registration}.
 *
 * @param id the registration's Mongo id (the Kafka key of registration topics)
 * @param registrationId the human id, e.g. {@code REG-0001}
 * @param personalInfo contact details
 * @param category the registration category
 * @param status {@code active}, {@code cancelled} or {@code no-show}
 * @param paymentStatus {@code pending}, {@code paid} or {@code failed}
 * @param registrationType e.g. {@code full-event}, {@code onsite}, {@code sponsored}
 * @param amountCents amount due in integer cents
 * @param currency ISO 4217 code, e.g. {@code INR}
 * @param customFields the event's custom registration fields; empty when none
 */
public record RegistrationSnapshot(@JsonProperty(value = "_id", required = true) String id,
		@JsonProperty(required = true) String registrationId, @JsonProperty(required = true) PersonalInfo personalInfo,
		CategoryRef category, @JsonProperty(required = true) @AllowedValues("active|cancelled|no-show") String status,
		@AllowedValues("pending|paid|failed") String paymentStatus, String registrationType, Long amountCents,
		String currency, Map<String, Object> customFields) {

	public RegistrationSnapshot {
		Objects.requireNonNull(id, "_id is required");
		Objects.requireNonNull(registrationId, "registrationId is required");
		Objects.requireNonNull(personalInfo, "personalInfo is required");
		Objects.requireNonNull(status, "status is required");
		// Not Map.copyOf: custom field values coming from Node may be null.
		customFields = (customFields != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(customFields))
				: Map.of();
	}

}
