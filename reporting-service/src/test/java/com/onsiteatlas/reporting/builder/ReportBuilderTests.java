package com.onsiteatlas.reporting.builder;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.itextpdf.text.pdf.PdfReader;
import com.itextpdf.text.pdf.parser.PdfTextExtractor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.http.MediaType;

import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.reporting.ReportingIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Read models of every data type, fed from Kafka, queried through the ReportBuilder
 * preview, grouped reports, charts and the ready-made templates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBuilderTests extends ReportingIntegrationTest {

	private final String eventId = new ObjectId().toHexString();

	private final String registrationId = new ObjectId().toHexString();

	/** A golden sample moved to this test's event, with fresh aggregate ids. */
	private ObjectNode sample(String type) {
		ObjectNode envelope = golden(type);
		ObjectNode data = (ObjectNode) envelope.get("data");
		envelope.put("eventid", this.eventId);
		if (data.has("event")) {
			((ObjectNode) data.get("event")).put("_id", this.eventId);
		}
		if (data.has("eventId")) {
			data.put("eventId", this.eventId);
		}
		if (data.has("registration")) {
			((ObjectNode) data.get("registration")).put("_id", this.registrationId);
		}
		for (String key : List.of("paymentId", "resourceId", "notificationId")) {
			if (data.has(key)) {
				data.put(key, new ObjectId().toHexString());
			}
		}
		for (String key : List.of("abstract", "booking", "travel", "sponsor")) {
			if (data.has(key)) {
				((ObjectNode) data.get(key)).put("_id", new ObjectId().toHexString());
			}
		}
		return envelope;
	}

	@BeforeAll
	void eventsArrive() {
		send(Topics.REGISTRATIONS, this.registrationId, sample("registration-created"));
		send(Topics.REGISTRATIONS, this.registrationId, sample("check-in-completed"));
		send(Topics.REGISTRATIONS, this.registrationId, sample("workshop-registered"));
		ObjectNode payment = sample("payment-received");
		send(Topics.PAYMENTS, this.registrationId, payment);
		send(Topics.PAYMENTS, this.registrationId, payment);
		ObjectNode stripe = sample("payment-received");
		((ObjectNode) stripe.get("data")).put("provider", "stripe").put("amountCents", 5000).put("currency", "USD");
		send(Topics.PAYMENTS, this.registrationId, stripe);
		send(Topics.ABSTRACTS, "a", sample("abstract-submitted"));
		send(Topics.ABSTRACTS, "b", sample("abstract-status-changed"));
		send(Topics.RESOURCES, this.registrationId, sample("resource-used"));
		send(Topics.RESOURCES, this.registrationId, sample("resource-used"));
		send(Topics.HOTEL_BOOKINGS, "h", sample("hotel-booking-created"));
		send(Topics.TRAVEL, "t", sample("travel-info-created"));
		send(Topics.NOTIFICATIONS, "n1", sample("notification-sent"));
		send(Topics.NOTIFICATIONS, "n2", sample("notification-failed"));
		send(Topics.SPONSORS, "s", sample("sponsor-created"));
		await().atMost(Duration.ofSeconds(40))
			.untilAsserted(() -> as("admin").post()
				.uri("/api/events/" + this.eventId + "/reports/preview")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("reportType", "sponsors"))
				.exchange()
				.expectBody()
				.jsonPath("$.data.length()")
				.isEqualTo(1));
	}

	private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec preview(Object body) {
		return as("staff").post()
			.uri("/api/events/" + this.eventId + "/reports/preview")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(true);
	}

	@Test
	void answersTheReportBuilderPagesRequestWithRows() {
		preview(Map.of("reportType", "registrations", "fields",
				List.of("registrationId", "firstName", "lastName", "email", "category", "registrationDate", "checkedIn",
						"checkInTime"),
				"filters", List.of(Map.of("field", "checkedIn", "operator", "equals", "value", true)), "groupBy", "",
				"sortBy", "registrationId", "sortDirection", "asc", "dateRange", "all"))
			.jsonPath("$.data.length()")
			.isEqualTo(1)
			.jsonPath("$.data[0].registrationId")
			.isEqualTo("REG-0001")
			.jsonPath("$.data[0].checkedIn")
			.isEqualTo(true)
			.jsonPath("$.data[0].checkInTime")
			.exists();
		preview(Map.of("reportType", "food_tracking", "fields",
				List.of("registrationId", "mealType", "mealName", "date", "time", "attendeeName", "category"),
				"filters", List.of()))
			.jsonPath("$.data.length()")
			.isEqualTo(2)
			.jsonPath("$.data[0].mealName")
			.isEqualTo("Day 1 Lunch")
			.jsonPath("$.data[0].time")
			.isEqualTo("12:32");
		preview(Map.of("reportType", "abstracts", "fields", List.of("abstractId", "title", "status", "author")))
			.jsonPath("$.data.length()")
			.isEqualTo(2);
		preview(Map.of("reportType", "kitbag_distribution", "fields", List.of("registrationId")))
			.jsonPath("$.data.length()")
			.isEqualTo(0);
	}

	@Test
	void appliesEachDomainEventOnce() {
		preview(Map.of("reportType", "payments", "fields", List.of("provider", "amountCents"), "sortBy",
				"amountCents:desc"))
			.jsonPath("$.data.length()")
			.isEqualTo(2)
			.jsonPath("$.data[0].provider")
			.isEqualTo("razorpay");
		preview(Map.of("reportType", "workshops", "fields", List.of("workshopTitle", "registrationId")))
			.jsonPath("$.data.length()")
			.isEqualTo(1);
	}

	@Test
	void groupsWithMetricsAndReturnsChartData() {
		preview(Map.of("reportType", "payments", "groupBy", List.of("provider", "currency"), "metrics",
				List.of(Map.of("type", "count"), Map.of("type", "sum", "field", "amountCents"),
						Map.of("type", "max", "field", "amountCents")),
				"chartType", "pie"))
			.jsonPath("$.data.length()")
			.isEqualTo(2)
			.jsonPath("$.data[?(@.provider=='stripe')].sum_amountCents")
			.isEqualTo(5000)
			.jsonPath("$.data[?(@.provider=='razorpay')].count")
			.isEqualTo(1)
			.jsonPath("$.meta.chart.type")
			.isEqualTo("pie")
			.jsonPath("$.meta.chart.labels")
			.value((List<String> labels) -> assertThat(labels).containsExactlyInAnyOrder("razorpay", "stripe"));
	}

	@Test
	void refusesGroupingAndMetricsOutsideTheCatalog() {
		as("staff").post()
			.uri("/api/events/" + this.eventId + "/reports/preview")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reportType", "payments", "groupBy", "planet"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("planet").contains("provider"));
		as("staff").post()
			.uri("/api/events/" + this.eventId + "/reports/preview")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reportType", "payments", "groupBy", "provider", "metrics",
					List.of(Map.of("type", "sum", "field", "provider"))))
			.exchange()
			.expectStatus()
			.isBadRequest();
		as("staff").post()
			.uri("/api/events/not-an-id/reports/preview")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reportType", "payments"))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void runsEveryReadyMadeTemplate() {
		as("staff").get()
			.uri("/api/reports/templates")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.length()")
			.isEqualTo(9);
		Map<String, Integer> expectedRows = Map.of("registrations-by-category-status", 1, "payments-summary", 2,
				"abstract-status-funnel", 2, "workshop-fill", 1, "check-in-curve", 1, "meal-kit-usage", 1,
				"rooming-list", 1, "arrival-manifest", 1, "notification-delivery", 2);
		expectedRows.forEach((template, rows) -> as("staff").get()
			.uri("/api/reports/templates/" + template + "/data?eventId=" + this.eventId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.length()")
			.isEqualTo(rows));
		as("staff").get()
			.uri("/api/reports/templates/check-in-curve/data?eventId=" + this.eventId)
			.exchange()
			.expectBody()
			.jsonPath("$.data[0].checkInSlot")
			.isEqualTo("2025-11-14 08:00")
			.jsonPath("$.meta.chart.type")
			.isEqualTo("line");
	}

	@Test
	void embedsTheChartInPdfAndXlsxFiles() throws Exception {
		byte[] pdf = as("staff").get()
			.uri("/api/reports/templates/payments-summary/file?format=pdf&eventId=" + this.eventId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/pdf")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		PdfReader reader = new PdfReader(pdf);
		assertThat(reader.getNumberOfPages()).isEqualTo(2);
		assertThat(PdfTextExtractor.getTextFromPage(reader, 1)).contains("Payments summary", "razorpay", "stripe");
		assertThat(PdfTextExtractor.getTextFromPage(reader, 2)).contains("Chart");
		assertThat(reader.getPageResources(2).getAsDict(com.itextpdf.text.pdf.PdfName.XOBJECT)).isNotNull();
		byte[] xlsx = as("staff").get()
			.uri("/api/reports/templates/payments-summary/file?format=excel&eventId=" + this.eventId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getAllPictures()).hasSize(1);
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Provider");
		}
	}

	@Test
	void filtersWithBetweenAndADateRange() {
		preview(Map.of("reportType", "payments", "fields", List.of("provider"), "filters",
				List.of(Map.of("field", "amountCents", "operator", "between", "value", List.of(1000, 10000)))))
			.jsonPath("$.data.length()")
			.isEqualTo(1)
			.jsonPath("$.data[0].provider")
			.isEqualTo("stripe");
		preview(Map.of("reportType", "resources", "fields", List.of("registrationId"), "dateRange",
				Map.of("from", "2025-11-14T00:00:00Z", "to", "2025-11-14T23:59:59Z")))
			.jsonPath("$.data.length()")
			.isEqualTo(2);
		preview(Map.of("reportType", "resources", "fields", List.of("registrationId"), "dateRange",
				Map.of("startDate", "2025-11-15", "endDate", "2025-11-16")))
			.jsonPath("$.data.length()")
			.isEqualTo(0);
		preview(Map.of("reportType", "notifications", "fields", List.of("channel"), "filters",
				List.of(Map.of("field", "errorCode", "operator", "isNotNull"))))
			.jsonPath("$.data.length()")
			.isEqualTo(1)
			.jsonPath("$.data[0].channel")
			.isEqualTo("whatsapp");
	}

	@Test
	void ignoresAnOlderSnapshotOfTheSameRegistration() {
		ObjectNode stale = sample("registration-updated");
		((ObjectNode) stale.get("data").get("registration").get("personalInfo")).put("firstName", "Stale");
		((ObjectNode) stale.get("data")).put("occurredAt", "2020-01-01T00:00:00Z");
		send(Topics.REGISTRATIONS, this.registrationId, stale);
		// A later message on the same partition: once it is applied, the stale one was
		// too.
		String marker = new ObjectId().toHexString();
		send(Topics.REGISTRATIONS, this.registrationId, registration("registration-created", this.eventId, marker,
				"REG-MARK", "Mark", "Er", "Delegate", java.time.Instant.parse("2026-01-01T00:00:00Z")));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> preview(Map.of("reportType", "registrations", "fields", List.of("registrationId"),
					"filters", List.of(Map.of("field", "registrationId", "operator", "equals", "value", "REG-MARK"))))
				.jsonPath("$.data.length()")
				.isEqualTo(1));
		preview(Map.of("reportType", "registrations", "fields", List.of("firstName"), "filters",
				List.of(Map.of("field", "registrationId", "operator", "equals", "value", "REG-0001"))))
			.jsonPath("$.data[0].firstName")
			.isEqualTo("Priya");
	}

}
