package com.onsiteatlas.support.audit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonValue;
import org.junit.jupiter.api.Test;

import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.wirevalue.WireValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditFilterTests {

	enum Action implements WireValue {

		CHANGED("thing.changed");

		private final String value;

		Action(String value) {
			this.value = value;
		}

		@Override
		@JsonValue
		public String value() {
			return this.value;
		}

	}

	@Test
	void readsDatesAsWholeUtcDaysAndInstantsAsGiven() {
		AuditFilter filter = AuditFilter.parse(Action.class, "thing.changed", "2026-03-01", "2026-03-02");
		assertThat(filter.action()).isEqualTo("thing.changed");
		assertThat(filter.from()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
		assertThat(filter.to()).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
		assertThat(AuditFilter.parse(Action.class, null, "2026-03-01T09:30:00Z", null).from())
			.isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
	}

	@Test
	void refusesUnknownActionsAndBadDatesNamingTheParameter() {
		assertThatThrownBy(() -> AuditFilter.parse(Action.class, "thing.gone", null, null))
			.isInstanceOf(ApiException.class)
			.hasMessageContaining("action must be one of thing.changed");
		assertThatThrownBy(() -> AuditFilter.parse(Action.class, null, "soon", null))
			.hasMessageContaining("'from' must be a date");
		assertThatThrownBy(() -> AuditFilter.parse(Action.class, null, "2026-03-02", "2026-03-01"))
			.hasMessageContaining("'from' must be before 'to'");
	}

}
