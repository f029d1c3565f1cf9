package com.onsiteatlas.reporting.export;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
import static org.awaitility.Awaitility.await;

/**
 * The spec's {@code custom} data type: registrations with their hotel, travel, payment
 * and abstract rows side by side, through the catalog, export jobs and the builder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomExportTests extends ReportingIntegrationTest {

	private final String eventId = new ObjectId().toHexString();

	private final String otherEventId = new ObjectId().toHexString();

	@Autowired
	ReactiveMongoTemplate mongo;

	@BeforeAll
	void readModel() {
		Instant t0 = Instant.parse("2026-05-01T08:00:00Z");
		List<ReportRow> rows = List.of(
				row("registrations", "a", this.eventId,
						Map.of("registrationId", "CUS-0001", "firstName", "Asha", "status", "active", "category",
								"Delegate", "registrationDate", t0),
						t0),
				row("registrations", "b", this.eventId,
						Map.of("registrationId", "CUS-0002", "firstName", "Bilal", "status", "active", "category",
								"Faculty", "registrationDate", t0.plusSeconds(60)),
						t0),
				row("registrations", "c", this.eventId,
						Map.of("registrationId", "CUS-0003", "firstName", "Chen", "status", "cancelled", "category",
								"Delegate", "registrationDate", t0.plusSeconds(120)),
						t0),
				row("hotel", "h1", this.eventId,
						Map.of("registrationId", "CUS-0001", "hotelName", "Lotus Inn", "roomNumber", "204", "nights",
								3),
						t0),
				// Two payments: the newer one is shown, and the count says there are two.
				row("payments", "p1", this.eventId,
						Map.of("registrationId", "CUS-0001", "amountCents", 1000, "status", "failed"), t0),
				row("payments", "p2", this.eventId,
						Map.of("registrationId", "CUS-0001", "amountCents", 250000, "status", "completed"),
						t0.plusSeconds(30)),
				row("travel", "t1", this.eventId,
						Map.of("registrationId", "CUS-0002", "arrivalFlight", "AI 101", "arrivalTransfer", true), t0),
				// Same human registration id in another event: never joined to this one.
				row("hotel", "h2", this.otherEventId,
						Map.of("registrationId", "CUS-0002", "hotelName", "Elsewhere Hotel"), t0));
		this.mongo.insertAll(rows).collectList().block(Duration.ofSeconds(10));
	}

	private static ReportRow row(String type, String key, String eventId, Map<String, Object> values, Instant at) {
		return new ReportRow(type + ":custom-test-" + key + "-" + eventId, type, eventId, values, at, at);
	}

	@Test
	void describesTheCustomDataTypeInTheCatalog() {
		as("staff").get()
			.uri("/api/export/catalog/custom")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.name")
			.isEqualTo("custom")
			.jsonPath("$.data.description")
			.value((String text) -> assertThat(text).contains("One row per registration"))
			.jsonPath("$.data.joins")
			.isEqualTo(List.of("hotel", "travel", "payments", "abstracts"))
			.jsonPath("$.data.dateField")
			.isEqualTo("registrations.registrationDate")
			.jsonPath("$.data.fields[?(@.name=='hotel.hotelName')].label")
			.isEqualTo("Hotel: Hotel")
			.jsonPath("$.data.fields[?(@.name=='payments.count')].type")
			.isEqualTo("number")
			.jsonPath("$.data.fields[?(@.name=='registrations.registrationDate')].type")
			.isEqualTo("date")
			.jsonPath("$.data.queryableFields[?(@ == 'registrations.status')]")
			.exists()
			.jsonPath("$.data.queryableFields[?(@ == 'hotel.hotelName')]")
			.doesNotExist();
		as("staff").get()
			.uri("/api/export/catalog")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[?(@.name=='custom')]")
			.exists()
			.jsonPath("$.data[?(@.name=='registrations')].joins")
			.value((List<?> joins) -> assertThat(joins).isEmpty());
	}

	@Test
	void exportsRegistrationsWithTheirJoinedRows() throws Exception {
		Map<?, ?> response = as("admin").post()
			.uri("/api/export/generate")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("exportType", "csv", "dataType", "custom", "event", this.eventId, "fields",
					List.of("registrations.registrationId", "registrations.firstName", "hotel.hotelName",
							"hotel.nights", "payments.amountCents", "payments.status", "payments.count",
							"travel.arrivalFlight", "travel.arrivalTransfer"),
					"filters",
					List.of(Map.of("field", "registrations.status", "operator", "equals", "value", "active")), "sorts",
					List.of(Map.of("field", "registrations.registrationId", "direction", "desc"))))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String jobId = (String) ((Map<?, ?>) response.get("data")).get("_id");
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> as("admin").get()
				.uri("/api/export/status/" + jobId)
				.exchange()
				.expectBody()
				.jsonPath("$.data.status")
				.isEqualTo("completed")
				.jsonPath("$.data.recordCount")
				.isEqualTo(2));
		byte[] file = as("admin").get()
			.uri("/api/export/download/" + jobId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.build()
			.parse(new StringReader(new String(file, StandardCharsets.UTF_8)))
			.getRecords();
		assertThat(rows).hasSize(2);
		CSVRecord bilal = rows.get(0);
		assertThat(bilal.get("Registration ID")).isEqualTo("CUS-0002");
		assertThat(bilal.get("Hotel: Hotel")).isEmpty();
		assertThat(bilal.get("Travel: Arrival Flight")).isEqualTo("AI 101");
		assertThat(bilal.get("Travel: Arrival Transfer")).isEqualTo("Yes");
		assertThat(bilal.get("Payments: count")).isEqualTo("0");
		CSVRecord asha = rows.get(1);
		assertThat(asha.get("First Name")).isEqualTo("Asha");
		assertThat(asha.get("Hotel: Hotel")).isEqualTo("Lotus Inn");
		assertThat(asha.get("Hotel: Nights")).isEqualTo("3");
		assertThat(asha.get("Payments: Amount (cents)")).isEqualTo("250000");
		assertThat(asha.get("Payments: Status")).isEqualTo("completed");
		assertThat(asha.get("Payments: count")).isEqualTo("2");
		assertThat(asha.get("Travel: Arrival Flight")).isEmpty();
	}

	@Test
	void rejectsUnknownFieldsAndQueriesOnJoinedColumns() {
		as("admin").post()
			.uri("/api/export/configs")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Bad custom", "exportType", "excel", "dataType", "custom", "fields",
					List.of("registrations.firstName", "hotel.passportNumber")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("hotel.passportNumber")
				.contains("valid fields")
				.contains("hotel.hotelName", "registrations.firstName"));
		as("admin").post()
			.uri("/api/export/configs")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Bad custom", "exportType", "excel", "dataType", "custom", "fields",
					List.of("registrations.firstName"), "sorts",
					List.of(Map.of("field", "hotel.hotelName", "direction", "asc"))))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("registrations.* fields")
				.contains("hotel.hotelName")
				.contains("registrations.status"));
		as("admin").post()
			.uri("/api/export/configs")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Rooming with payments", "exportType", "excel", "dataType", "custom", "event",
					this.eventId, "fields", List.of("registrations.firstName", "hotel.hotelName", "payments.count")))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	@Test
	void previewsAndGroupsCustomReportsInTheBuilder() {
		as("staff").post()
			.uri("/api/events/" + this.eventId + "/reports/preview")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reportType", "custom", "fields",
					List.of("registrations.registrationId", "hotel.hotelName", "payments.count"), "sortBy",
					"registrations.registrationId", "sortDirection", "asc"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(true)
			.jsonPath("$.data.length()")
			.isEqualTo(3)
			.jsonPath("$.data[0]['registrations.registrationId']")
			.isEqualTo("CUS-0001")
			.jsonPath("$.data[0]['hotel.hotelName']")
			.isEqualTo("Lotus Inn")
			.jsonPath("$.data[0]['payments.count']")
			.isEqualTo(2)
			.jsonPath("$.data[1]['hotel.hotelName']")
			.doesNotExist();
		as("staff").post()
			.uri("/api/events/" + this.eventId + "/reports/preview")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reportType", "custom", "groupBy", "registrations.category"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[?(@['registrations.category']=='Delegate')].count")
			.isEqualTo(List.of(2));
		as("staff").post()
			.uri("/api/events/" + this.eventId + "/reports/preview")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reportType", "custom", "groupBy", "hotel.hotelName"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("groupBy").contains("registrations.category"));
	}

}
