package com.onsiteatlas.notification.trigger;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionsTests {

	private static final Map<String, Object> PAYLOAD = Map.of("registration",
			Map.of("paymentStatus", "paid", "amountCents", 1250000, "personalInfo",
					Map.of("country", "India", "email", "priya@example.com"), "tags", List.of("speaker", "vip")),
			"occurredAt", "2025-10-02T06:15:30.120Z");

	private static boolean holds(String field, String operator, Object value) {
		return Conditions.holds(new NotificationTrigger.Condition(field, operator, value), PAYLOAD);
	}

	@Test
	void comparesEqualityOnDottedPaths() {
		assertThat(holds("registration.paymentStatus", "equals", "paid")).isTrue();
		assertThat(holds("registration.paymentStatus", "equals", "pending")).isFalse();
		assertThat(holds("registration.personalInfo.country", "not-equals", "Nepal")).isTrue();
		assertThat(holds("registration.amountCents", "equals", "1250000")).isTrue();
	}

	@Test
	void containsLooksIntoTextAndLists() {
		assertThat(holds("registration.personalInfo.email", "contains", "EXAMPLE.com")).isTrue();
		assertThat(holds("registration.tags", "contains", "vip")).isTrue();
		assertThat(holds("registration.tags", "not-contains", "sponsor")).isTrue();
		assertThat(holds("registration.tags", "not-contains", "speaker")).isFalse();
	}

	@Test
	void ordersNumbersAndDates() {
		assertThat(holds("registration.amountCents", "greater-than", 1000)).isTrue();
		assertThat(holds("registration.amountCents", "less-than", 1000)).isFalse();
		assertThat(holds("occurredAt", "greater-than", "2025-01-01T00:00:00Z")).isTrue();
		assertThat(holds("occurredAt", "less-than", "2025-01-01T00:00:00Z")).isFalse();
	}

	@Test
	void missingValuesNeverCompareButCountForExistence() {
		assertThat(holds("registration.missing", "less-than", 5)).isFalse();
		assertThat(holds("registration.missing", "greater-than", 5)).isFalse();
		assertThat(holds("registration.missing", "exists", null)).isFalse();
		assertThat(holds("registration.missing", "not-exists", null)).isTrue();
		assertThat(holds("registration.paymentStatus", "exists", null)).isTrue();
	}

	@Test
	void allConditionsMustHold() {
		assertThat(Conditions.all(
				List.of(new NotificationTrigger.Condition("registration.paymentStatus", "equals", "paid"),
						new NotificationTrigger.Condition("registration.personalInfo.country", "equals", "Nepal")),
				PAYLOAD))
			.isFalse();
		assertThat(Conditions.all(List.of(), PAYLOAD)).isTrue();
	}

}
