package com.onsiteatlas.reporting.rows;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;

import com.onsiteatlas.reporting.ReportingIntegrationTest;
import com.onsiteatlas.reporting.readmodel.ReportRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every filter operator, long and short form, against four payments of fixed values: each
 * selects exactly the expected payments on a number, a date and a text field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterOperatorTests extends ReportingIntegrationTest {

	private final String eventId = new ObjectId().toHexString();

	@Autowired
	ReactiveMongoTemplate mongo;

	/**
	 * P1..P4: amounts 1000, 2500, 5000, 2500; paid on Jan 10, Feb 15, Mar 20, Apr 1 2026;
	 * providers razorpay, stripe, Stripe Connect, paypal; invoice URL set, null, empty,
	 * absent.
	 */
	@BeforeAll
	void payments() {
		List<ReportRow> rows = List.of(
				payment("P1", 1000, "2026-01-10T10:00:00Z", "razorpay", "https://invoices.example/1"),
				payment("P2", 2500, "2026-02-15T10:00:00Z", "stripe", null),
				payment("P3", 5000, "2026-03-20T10:00:00Z", "Stripe Connect", ""),
				payment("P4", 2500, "2026-04-01T00:00:00Z", "paypal", "absent"));
		this.mongo.insertAll(rows).collectList().block(Duration.ofSeconds(10));
	}

	private ReportRow payment(String id, int amount, String paidAt, String provider, String invoiceUrl) {
		Map<String, Object> values = new HashMap<>();
		values.put("paymentId", id);
		values.put("amountCents", amount);
		values.put("paidAt", Date.from(Instant.parse(paidAt)));
		values.put("provider", provider);
		if (!"absent".equals(invoiceUrl)) {
			values.put("invoiceUrl", invoiceUrl);
		}
		Instant at = Instant.parse(paidAt);
		return new ReportRow("payments:filters-" + this.eventId + "-" + id, "payments", this.eventId, values, at, at);
	}

	Stream<Arguments> operators() {
		return Stream.of(
				// Numbers
				arguments("amountCents", "equals", 2500, List.of("P2", "P4")),
				arguments("amountCents", "eq", "2500", List.of("P2", "P4")),
				arguments("amountCents", "notEquals", 2500, List.of("P1", "P3")),
				arguments("amountCents", "ne", "2500", List.of("P1", "P3")),
				arguments("amountCents", "greaterThan", 2500, List.of("P3")),
				arguments("amountCents", "gt", "2500", List.of("P3")),
				arguments("amountCents", "greaterThanOrEqual", 2500, List.of("P2", "P3", "P4")),
				arguments("amountCents", "gte", 2500, List.of("P2", "P3", "P4")),
				arguments("amountCents", "lessThan", 2500, List.of("P1")),
				arguments("amountCents", "lt", 2500.5, List.of("P1", "P2", "P4")),
				arguments("amountCents", "lessThanOrEqual", 2500, List.of("P1", "P2", "P4")),
				arguments("amountCents", "lte", "1000", List.of("P1")),
				arguments("amountCents", "in", List.of(1000, 5000), List.of("P1", "P3")),
				arguments("amountCents", "in", "1000, 5000", List.of("P1", "P3")),
				arguments("amountCents", "notIn", List.of(1000, 5000), List.of("P2", "P4")),
				arguments("amountCents", "isNull", null, List.of()),
				arguments("amountCents", "isNotNull", null, List.of("P1", "P2", "P3", "P4")),
				// Dates: ISO instants, or ISO dates meaning the start of that day (UTC)
				arguments("paidAt", "equals", "2026-03-20T10:00:00Z", List.of("P3")),
				arguments("paidAt", "eq", "2026-04-01", List.of("P4")),
				arguments("paidAt", "notEquals", "2026-03-20T10:00:00Z", List.of("P1", "P2", "P4")),
				arguments("paidAt", "ne", "2026-04-01", List.of("P1", "P2", "P3")),
				arguments("paidAt", "greaterThan", "2026-02-15T10:00:00Z", List.of("P3", "P4")),
				arguments("paidAt", "gt", "2026-02-15", List.of("P2", "P3", "P4")),
				arguments("paidAt", "greaterThanOrEqual", "2026-02-15T10:00:00Z", List.of("P2", "P3", "P4")),
				arguments("paidAt", "gte", "2026-04-01", List.of("P4")),
				arguments("paidAt", "lessThan", "2026-02-15T10:00:00Z", List.of("P1")),
				arguments("paidAt", "lt", "2026-04-01", List.of("P1", "P2", "P3")),
				arguments("paidAt", "lessThanOrEqual", "2026-02-15T10:00:00Z", List.of("P1", "P2")),
				arguments("paidAt", "lte", "2026-04-01", List.of("P1", "P2", "P3", "P4")),
				arguments("paidAt", "in", List.of("2026-01-10T10:00:00Z", "2026-04-01"), List.of("P1", "P4")),
				arguments("paidAt", "notIn", List.of("2026-01-10T10:00:00Z", "2026-04-01"), List.of("P2", "P3")),
				// Text: equality is exact, the pattern operators ignore case
				arguments("provider", "equals", "stripe", List.of("P2")),
				arguments("provider", "eq", "Stripe", List.of()),
				arguments("provider", "notEquals", "stripe", List.of("P1", "P3", "P4")),
				arguments("provider", "ne", "paypal", List.of("P1", "P2", "P3")),
				arguments("provider", "startsWith", "STR", List.of("P2", "P3")),
				arguments("provider", "startsWith", "pe", List.of()),
				arguments("provider", "endsWith", "PAL", List.of("P4")),
				arguments("provider", "endsWith", "pay", List.of("P1")),
				arguments("provider", "contains", "connect", List.of("P3")),
				arguments("provider", "in", List.of("razorpay", "paypal"), List.of("P1", "P4")),
				arguments("provider", "notIn", "razorpay,paypal", List.of("P2", "P3")),
				// Text order is the code-point order: upper case sorts before lower case.
				arguments("provider", "greaterThan", "razorpay", List.of("P2")),
				arguments("provider", "gte", "razorpay", List.of("P1", "P2")),
				arguments("provider", "lessThan", "razorpay", List.of("P3", "P4")),
				arguments("provider", "lte", "paypal", List.of("P3", "P4")),
				// Missing, null and empty count as no value
				arguments("invoiceUrl", "isNull", null, List.of("P2", "P3", "P4")),
				arguments("invoiceUrl", "isNotNull", null, List.of("P1")),
				// Rows without a value are "not equal" (MongoDB's $ne and $nin)
				arguments("invoiceUrl", "notEquals", "https://invoices.example/1", List.of("P2", "P3", "P4")),
				arguments("invoiceUrl", "notIn", List.of("https://invoices.example/1"), List.of("P2", "P3", "P4")),
				arguments("invoiceUrl", "startsWith", "https://invoices.example/", List.of("P1")));
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("operators")
	void selectsExactlyTheMatchingRows(String field, String operator, Object value, List<String> expected) {
		Map<String, Object> filter = new HashMap<>();
		filter.put("field", field);
		filter.put("operator", operator);
		if (value != null) {
			filter.put("value", value);
		}
		List<String> ids = as("staff").post()
			.uri("/api/events/" + this.eventId + "/reports/preview")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reportType", "payments", "fields", List.of("paymentId"), "filters", List.of(filter)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(PaymentIds.class)
			.returnResult()
			.getResponseBody()
			.ids();
		assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
	}

	/**
	 * The part of the preview's answer this test reads.
	 */
	record PaymentIds(List<Map<String, String>> data) {

		List<String> ids() {
			return this.data.stream().map((row) -> row.get("paymentId")).toList();
		}

	}

}
