package com.onsiteatlas.reporting.schedule;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.reporting.ReportingIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Schedules of a report built in the report builder: the builder's request body is kept
 * as sent, checked like the preview checks it, and rendered at each run through the same
 * path as the ready-made reports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuiltReportScheduleTests extends ScheduleTestSupport {

	@BeforeAll
	void registrations() {
		Instant recent = Instant.now().minus(1, ChronoUnit.HOURS);
		List<String> categories = List.of("Delegate", "Delegate", "Faculty");
		for (int i = 0; i < categories.size(); i++) {
			register("BLT-000" + i, categories.get(i), recent.plusSeconds(i));
		}
		// Registered 40 days ago: outside a "week" date range.
		register("BLT-0099", "Delegate", Instant.now().minus(40, ChronoUnit.DAYS));
		awaitRows(4);
	}

	private void register(String humanId, String category, Instant at) {
		register(humanId, "Guest", humanId, category, at);
	}

	/**
	 * The report builder's body: registrations of the last week per category, as bars.
	 */
	private static Map<String, Object> perCategory(String name) {
		Map<String, Object> definition = new LinkedHashMap<>();
		definition.put("reportType", "registrations");
		definition.put("groupBy", List.of("category"));
		definition.put("metrics", List.of(Map.of("type", "count")));
		definition.put("chartType", "bar");
		definition.put("dateRange", "week");
		definition.put("name", name);
		return definition;
	}

	private Map<String, Object> body(Map<String, Object> definition, String format, Map<String, Object> delivery) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "Weekly categories");
		body.put("definition", definition);
		body.put("eventId", this.eventId);
		body.put("format", format);
		body.put("schedule", Map.of("frequency", "weekly", "dayOfWeek", 1, "time", "09:00", "timezone", "UTC"));
		body.put("delivery", delivery);
		return body;
	}

	private Map<?, ?> create(Map<String, Object> body) {
		return createSchedule("manager", body);
	}

	private String createAndRun(Map<String, Object> body) {
		String id = (String) create(body).get("_id");
		runNow("manager", id);
		return id;
	}

	private String badRequestMessage(String method, String uri, Object body) {
		Map<?, ?> answer = as("admin").method(org.springframework.http.HttpMethod.valueOf(method))
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(answer.get("success")).isEqualTo(false);
		return (String) answer.get("message");
	}

	@Test
	void keepsTheBuilderRequestAsSentAndKeepsTheGroupedXlsxOfARunForDownload() throws Exception {
		Map<String, Object> definition = perCategory("Registrations per category");
		Map<?, ?> created = create(body(definition, "excel", Map.of("type", "download")));
		assertThat(Instant.parse((String) created.get("nextRun"))).isAfter(Instant.now());
		assertThat(created.get("definition")).isEqualTo(definition);
		assertThat(created.get("report")).isNull();
		String id = (String) created.get("_id");
		// GET answers the request as saved: the relative range is still "week", resolved
		// at each run.
		as("staff").get()
			.uri("/api/reports/schedules/" + id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.definition.dateRange")
			.isEqualTo("week")
			.jsonPath("$.data.definition.groupBy[0]")
			.isEqualTo("category")
			.jsonPath("$.data.definition.name")
			.isEqualTo("Registrations per category")
			.jsonPath("$.data.format")
			.isEqualTo("excel");

		runNow("manager", id);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(schedule(id).lastStatus()).isEqualTo("success"));
		ScheduleRun run = this.mongo.findOne(Query.query(Criteria.where("scheduleId").is(id)), ScheduleRun.class)
			.block();
		assertThat(run.status()).isEqualTo(ScheduleRunStatus.DELIVERED);
		String jobId = run.deliveredTo().substring("history:".length());
		as("manager").get()
			.uri("/api/export/history?event=" + this.eventId + "&status=completed&limit=100")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[?(@._id=='" + jobId + "')].name")
			.isEqualTo("Registrations per category");
		var download = as("manager").get()
			.uri("/api/export/download/" + jobId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult();
		assertThat(download.getResponseHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.contains("Registrations_per_category_" + this.eventId + "_")
			.contains(".xlsx");
		Map<String, Double> counts = new LinkedHashMap<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.getResponseBody()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Category");
			for (Row row : sheet) {
				if (row.getRowNum() > 0 && row.getCell(1) != null
						&& row.getCell(1).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
					counts.put(row.getCell(0).getStringCellValue(), row.getCell(1).getNumericCellValue());
				}
			}
			// The bar chart rides along after the table.
			assertThat(workbook.getAllPictures()).hasSize(1);
		}
		// The week before the run: the delegate registered 40 days ago is not counted.
		assertThat(counts).containsExactly(Map.entry("Delegate", 2.0), Map.entry("Faculty", 1.0));
	}

	@Test
	void mailsABuiltReportAsACsvOfItsGroups() throws Exception {
		String subject = "Built " + new ObjectId();
		createAndRun(body(perCategory("Per category"), "csv",
				Map.of("type", "email", "recipients", List.of("chair@example.org"), "subject", subject)));
		await().atMost(Duration.ofSeconds(60)).until(() -> mailsWithSubject(subject).size() == 1);
		BodyPart attachment = ((Multipart) mailsWithSubject(subject).get(0).getContent()).getBodyPart(1);
		assertThat(attachment.getFileName()).startsWith("Per_category_" + this.eventId + "_").endsWith(".csv");
		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.build()
			.parse(new StringReader(new String(attachment.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
				.replace("\uFEFF", "")))
			.getRecords();
		assertThat(rows).extracting((row) -> row.get("Category") + "=" + row.get(1))
			.containsExactly("Delegate=2", "Faculty=1");
	}

	@Test
	void refusesADefinitionThePreviewRefusesWithThePreviewsMessage() {
		Map<String, List<Object>> bad = new LinkedHashMap<>();
		bad.put("unknown data type", List.of(Map.of("reportType", "planets"), "planets"));
		bad.put("unknown field",
				List.of(Map.of("reportType", "registrations", "groupBy", List.of("shoeSize")), "shoeSize"));
		bad.put("unknown operator", List.of(Map.of("reportType", "registrations", "filters",
				List.of(Map.of("field", "category", "operator", "resembles", "value", "x"))), "resembles"));
		bad.put("unknown metric", List.of(Map.of("reportType", "registrations", "groupBy", List.of("category"),
				"metrics", List.of(Map.of("type", "median", "field", "amountCents"))), "count, sum"));
		bad.put("unknown chart type",
				List.of(Map.of("reportType", "registrations", "groupBy", List.of("category"), "chartType", "radar"),
						"chartType"));
		bad.put("unknown date range",
				List.of(Map.of("reportType", "registrations", "dateRange", "decade"), "dateRange"));
		bad.put("wrong JSON type", List.of(Map.of("reportType", "registrations", "fields", Map.of("a", 1)),
				"not a report builder request"));
		bad.put("no data type", List.of(Map.of("fields", List.of("category")), "reportType"));
		bad.forEach((label, example) -> {
			Map<String, Object> definition = castMap(example.get(0));
			String message = badRequestMessage("POST", "/api/reports/schedules",
					body(definition, "excel", Map.of("type", "download")));
			assertThat(message).as(label).contains((String) example.get(1));
			if (!label.equals("wrong JSON type")) {
				assertThat(message).as(label + ", as the preview says it")
					.isEqualTo(
							badRequestMessage("POST", "/api/events/" + this.eventId + "/reports/preview", definition));
			}
		});
		assertThat(badRequestMessage("POST", "/api/reports/schedules",
				body(Map.of("reportType", "registrations", "filters",
						List.of(Map.of("field", "category", "operator", "equals", "value", Map.of("$gt", "")))),
						"excel", Map.of("type", "download"))))
			.contains("$gt");
		Map<String, Object> notAnObject = body(null, "excel", Map.of("type", "download"));
		notAnObject.put("definition", "registrations by category");
		assertThat(badRequestMessage("POST", "/api/reports/schedules", notAnObject))
			.contains("definition must be a report builder request");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Object value) {
		return (Map<String, Object>) value;
	}

	@Test
	void wantsExactlyOneSourceAndTheEventOfADefinition() {
		Map<String, Object> both = body(perCategory("Both"), "excel", Map.of("type", "download"));
		both.put("report", "registrations-by-category-status");
		assertThat(badRequestMessage("POST", "/api/reports/schedules", both))
			.isEqualTo("Give only one source: report, definition or exportConfig");
		Map<String, Object> withConfig = body(perCategory("Both"), "excel", Map.of("type", "download"));
		withConfig.put("exportConfig", new ObjectId().toHexString());
		assertThat(badRequestMessage("POST", "/api/reports/schedules", withConfig))
			.isEqualTo("Give only one source: report, definition or exportConfig");
		Map<String, Object> none = body(null, "excel", Map.of("type", "download"));
		assertThat(badRequestMessage("POST", "/api/reports/schedules", none)).startsWith("Give one source");
		Map<String, Object> noEvent = body(perCategory("No event"), "excel", Map.of("type", "download"));
		noEvent.remove("eventId");
		assertThat(badRequestMessage("POST", "/api/reports/schedules", noEvent))
			.isEqualTo("eventId is required with a definition");

		// A template schedule's JSON has no definition; changed to a built report and
		// back.
		Map<String, Object> template = body(null, "pdf", Map.of("type", "download"));
		template.put("report", "registrations-by-category-status");
		String id = (String) create(template).get("_id");
		as("manager").get()
			.uri("/api/reports/schedules/" + id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.report")
			.isEqualTo("registrations-by-category-status")
			.jsonPath("$.data.definition")
			.doesNotExist();
		as("manager").put()
			.uri("/api/reports/schedules/" + id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body(perCategory("Changed"), "pdf", Map.of("type", "download")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.report")
			.doesNotExist()
			.jsonPath("$.data.definition.name")
			.isEqualTo("Changed");
		as("manager").put()
			.uri("/api/reports/schedules/" + id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(template)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.definition")
			.doesNotExist();
	}

	@Test
	void recordsWhyARunFailsWhenTheSavedDefinitionNoLongerFits() {
		String id = (String) create(body(perCategory("Soon stale"), "excel", Map.of("type", "download"))).get("_id");
		// As if the catalog had dropped the field since the schedule was saved.
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)),
					new Update().set("definition.groupBy", List.of("gone")), ReportSchedule.class)
			.block();
		runNow("manager", id);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(schedule(id).lastStatus()).isEqualTo("failed"));
		assertThat(schedule(id).lastError()).contains("gone");
	}

}
