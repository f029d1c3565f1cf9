package com.onsiteatlas.reporting.builder;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;

import com.onsiteatlas.reporting.ReportingIntegrationTest;
import com.onsiteatlas.reporting.readmodel.ReportRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Metrics of grouped reports computed on payments of known amounts and dates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupMetricTests extends ReportingIntegrationTest {

	private final String eventId = new ObjectId().toHexString();

	@Autowired
	ReactiveMongoTemplate mongo;

	/** razorpay: 1000, 2500, 6000 (Jan 10, Feb 15, Mar 20); stripe: 4000 (Apr 1). */
	@BeforeAll
	void payments() {
		this.mongo.insertAll(List.of(payment("M1", "razorpay", 1000, "2026-02-15T10:00:00Z"),
				payment("M2", "razorpay", 2500, "2026-01-10T10:00:00Z"),
				payment("M3", "razorpay", 6000, "2026-03-20T10:00:00Z"),
				payment("M4", "stripe", 4000, "2026-04-01T00:00:00Z")))
			.collectList()
			.block(Duration.ofSeconds(10));
	}

	private ReportRow payment(String id, String provider, int amount, String paidAt) {
		Instant at = Instant.parse(paidAt);
		return new ReportRow("payments:metrics-" + this.eventId + "-" + id, "payments", this.eventId,
				Map.of("paymentId", id, "provider", provider, "amountCents", amount, "paidAt", Date.from(at)), at, at);
	}

	@Test
	void computesAverageAndMinimumPerGroup() {
		Map<String, Map<String, Object>> byProvider = rowsByProvider(
				Map.of("reportType", "payments", "groupBy", "provider", "metrics",
						List.of(Map.of("type", "avg", "field", "amountCents"),
								Map.of("type", "min", "field", "amountCents"), Map.of("type", "min", "field", "paidAt"),
								Map.of("type", "count"))));
		Map<String, Object> razorpay = byProvider.get("razorpay");
		assertThat(((Number) razorpay.get("avg_amountCents")).doubleValue()).isCloseTo(3166.667, within(0.001));
		assertThat(((Number) razorpay.get("min_amountCents")).intValue()).isEqualTo(1000);
		assertThat(OffsetDateTime.parse((String) razorpay.get("min_paidAt")).toInstant())
			.isEqualTo("2026-01-10T10:00:00Z");
		assertThat(razorpay.get("count")).isEqualTo(3);
		Map<String, Object> stripe = byProvider.get("stripe");
		assertThat(((Number) stripe.get("avg_amountCents")).doubleValue()).isEqualTo(4000.0);
		assertThat(((Number) stripe.get("min_amountCents")).intValue()).isEqualTo(4000);
		assertThat(byProvider).hasSize(2);
	}

	@Test
	void chartsTheAverageAsASeries() {
		as("staff").post()
			.uri("/api/events/" + this.eventId + "/reports/preview")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reportType", "payments", "groupBy", "provider", "metrics",
					List.of(Map.of("type", "avg", "field", "amountCents"))))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.meta.columns")
			.value((List<String> columns) -> assertThat(columns).containsExactly("provider", "avg_amountCents"))
			.jsonPath("$.meta.chart.labels")
			.value((List<String> labels) -> assertThat(labels).containsExactly("razorpay", "stripe"))
			.jsonPath("$.meta.chart.series[0].name")
			.isEqualTo("avg_amountCents")
			.jsonPath("$.meta.chart.series[0].data[1]")
			.isEqualTo(4000.0);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Object>> rowsByProvider(Map<String, Object> body) {
		Map<String, Object> answer = as("staff").post()
			.uri("/api/events/" + this.eventId + "/reports/preview")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<String, Map<String, Object>> byProvider = new java.util.TreeMap<>();
		((List<Map<String, Object>>) answer.get("data"))
			.forEach((row) -> byProvider.put((String) row.get("provider"), row));
		return byProvider;
	}

}
