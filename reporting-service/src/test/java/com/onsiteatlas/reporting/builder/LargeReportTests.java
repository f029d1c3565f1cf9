package com.onsiteatlas.reporting.builder;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * Reports with more rows than the preview shows: the files (template, builder, scheduled)
 * carry every row, the preview says that it is cut.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeReportTests extends ReportingIntegrationTest {

	/** More than the preview's 1,000 rows. */
	private static final int ROWS = 1205;

	private final String eventId = new ObjectId().toHexString();

	@Autowired
	ReactiveMongoTemplate mongo;

	/**
	 * Hotel bookings HTL-0001.. in rooms R0001.., so the rooming list's order is known.
	 */
	@BeforeAll
	void hotelBookings() {
		Instant checkIn = Instant.parse("2026-05-10T14:00:00Z");
		List<ReportRow> rows = new ArrayList<>();
		for (int i = 1; i <= ROWS; i++) {
			Map<String, Object> values = Map.of("bookingId", "B" + i, "hotelName", "Grand Hotel", "roomType", "Double",
					"roomNumber", String.format("R%04d", i), "registrationId", String.format("HTL-%04d", i),
					"attendeeName", "Guest " + i, "checkInDate", checkIn, "nights", 3, "bookingStatus", "confirmed");
			rows.add(new ReportRow("hotel:large-" + this.eventId + "-" + i, "hotel", this.eventId, values, checkIn,
					checkIn));
		}
		this.mongo.insertAll(rows).collectList().block(Duration.ofSeconds(30));
	}

	private static List<String> expectedIds(int count) {
		return IntStream.rangeClosed(1, count).mapToObj((i) -> String.format("HTL-%04d", i)).toList();
	}

	private static List<CSVRecord> csv(byte[] file) throws Exception {
		return CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.build()
			.parse(new StringReader(new String(file, StandardCharsets.UTF_8)))
			.getRecords();
	}

	private byte[] get(String uri) {
		return as("staff").get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void templateFilesCarryEveryRowOfTheRoomingList() throws Exception {
		List<CSVRecord> records = csv(
				get("/api/reports/templates/rooming-list/file?format=csv&eventId=" + this.eventId));
		assertThat(records).extracting((record) -> record.get("Registration ID"))
			.containsExactlyElementsOf(expectedIds(ROWS));
		byte[] xlsx = get("/api/reports/templates/rooming-list/file?format=excel&eventId=" + this.eventId);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(ROWS);
			assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Registration ID");
			assertThat(sheet.getRow(ROWS).getCell(3).getStringCellValue()).isEqualTo("HTL-1205");
		}
	}

	@Test
	void builderFilesCarryEveryRowAndHonourAnExplicitLimit() throws Exception {
		Map<String, Object> body = Map.of("reportType", "hotel", "fields", List.of("registrationId", "nights"),
				"sortBy", "registrationId", "sortDirection", "asc");
		List<CSVRecord> records = csv(builderFile(body));
		assertThat(records).extracting((record) -> record.get("Registration ID"))
			.containsExactlyElementsOf(expectedIds(ROWS));
		assertThat(records).allSatisfy((record) -> assertThat(record.get("Nights")).isEqualTo("3"));
		Map<String, Object> limited = new java.util.HashMap<>(body);
		limited.put("limit", 1100);
		assertThat(csv(builderFile(limited))).extracting((record) -> record.get("Registration ID"))
			.containsExactlyElementsOf(expectedIds(1100));
	}

	private byte[] builderFile(Map<String, Object> body) {
		return as("staff").post()
			.uri("/api/reports/builder/file?format=csv&eventId=" + this.eventId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void previewSaysWhenItShowsOnlyPartOfTheRows() {
		preview(Map.of("reportType", "hotel", "fields", List.of("registrationId"), "sortBy", "registrationId"))
			.jsonPath("$.data.length()")
			.isEqualTo(1000)
			.jsonPath("$.data[999].registrationId")
			.isEqualTo("HTL-1000")
			.jsonPath("$.meta.count")
			.isEqualTo(1000)
			.jsonPath("$.meta.truncated")
			.isEqualTo(true)
			.jsonPath("$.meta.limit")
			.isEqualTo(1000);
		preview(Map.of("reportType", "hotel", "fields", List.of("registrationId"), "limit", 10))
			.jsonPath("$.data.length()")
			.isEqualTo(10)
			.jsonPath("$.meta.truncated")
			.isEqualTo(true)
			.jsonPath("$.meta.limit")
			.isEqualTo(10);
		preview(Map.of("reportType", "hotel", "fields", List.of("registrationId"), "filters",
				List.of(Map.of("field", "registrationId", "operator", "startsWith", "value", "HTL-000"))))
			.jsonPath("$.data.length()")
			.isEqualTo(9)
			.jsonPath("$.meta.truncated")
			.isEqualTo(false);
		preview(Map.of("reportType", "hotel", "groupBy", "hotelName")).jsonPath("$.data[0].count")
			.isEqualTo(ROWS)
			.jsonPath("$.meta.truncated")
			.isEqualTo(false)
			.jsonPath("$.meta.limit")
			.isEqualTo(5000);
	}

	private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec preview(Object body) {
		return as("staff").post()
			.uri("/api/events/" + this.eventId + "/reports/preview")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	@Test
	void keepsADownloadSchedulesFileWithEveryRowInTheExportHistory() throws Exception {
		Map<?, ?> created = as("admin").post()
			.uri("/api/reports/schedules")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Rooming list " + this.eventId, "report", "rooming-list", "eventId", this.eventId,
					"format", "csv", "schedule", Map.of("frequency", "daily"), "delivery", Map.of("type", "download")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String id = (String) ((Map<?, ?>) created.get("data")).get("_id");
		as("admin").post().uri("/api/reports/schedules/" + id + "/run-now").exchange().expectStatus().isAccepted();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> as("admin").get()
				.uri("/api/reports/schedules/" + id)
				.exchange()
				.expectBody()
				.jsonPath("$.data.lastStatus")
				.isEqualTo("success"));
		Map<?, ?> history = as("admin").get()
			.uri("/api/export/history?event=" + this.eventId + "&exportType=csv")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		List<?> jobs = ((List<?>) history.get("data")).stream()
			.filter((job) -> id.equals(((Map<?, ?>) job).get("scheduleId")))
			.toList();
		assertThat(jobs).hasSize(1);
		Map<?, ?> job = (Map<?, ?>) jobs.get(0);
		assertThat(job.get("status")).isEqualTo("completed");
		as("admin").get()
			.uri("/api/reports/schedules/" + id + "/runs")
			.exchange()
			.expectBody()
			.jsonPath("$.data[0].deliveredTo")
			.isEqualTo("history:" + job.get("_id"));
		byte[] file = as("admin").get()
			.uri((String) job.get("fileUrl"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(csv(file)).extracting((record) -> record.get("Registration ID"))
			.containsExactlyElementsOf(expectedIds(ROWS));
	}

}
