package com.onsiteatlas.reporting.export;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.text.Normalizer;
import java.util.stream.IntStream;

import com.itextpdf.text.pdf.PdfReader;
import com.itextpdf.text.pdf.parser.PdfTextExtractor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.reporting.ReportingIntegrationTest;
import com.onsiteatlas.reporting.readmodel.ReportRow;
import com.onsiteatlas.support.testing.IdentityTokens;
import com.onsiteatlas.support.testing.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * From registration events on Kafka to export files read back with POI, a CSV parser and
 * iText's text extractor.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportJobTests extends ReportingIntegrationTest {

	private final String eventId = new ObjectId().toHexString();

	@Autowired
	ReactiveMongoTemplate mongo;

	@BeforeAll
	void registrationsArrive() {
		Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
		Object[][] people = { { "REG-0001", "=HYPERLINK(\"http://evil\")", "Sharma", "Delegate" },
				{ "REG-0002", "प्रिया", "शर्मा", "Faculty" }, { "REG-0003", "王", "小明", "Delegate" },
				{ "REG-0004", "فاطمة", "Khan, \"Jr\"", "Delegate" }, { "REG-0005", "Gone", "Away", "Delegate" } };
		for (int i = 0; i < people.length; i++) {
			String id = new ObjectId().toHexString();
			send(Topics.REGISTRATIONS, id, registration("registration-created", this.eventId, id, (String) people[i][0],
					(String) people[i][1], (String) people[i][2], (String) people[i][3], t0.plusSeconds(i * 60L)));
			if (i == 4) {
				var cancelled = registration("registration-cancelled", this.eventId, id, "REG-0005", "Gone", "Away",
						"Delegate", t0.plusSeconds(3600));
				((com.fasterxml.jackson.databind.node.ObjectNode) cancelled.get("data").get("registration"))
					.put("status", "cancelled");
				send(Topics.REGISTRATIONS, id, cancelled);
			}
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.count(Query.query(Criteria.where("eventId")
				.is(this.eventId)
				.and("rowType")
				.is("registrations")
				.and("values.status")
				.is("cancelled")), "report_rows").block() == 1);
	}

	private Map<String, Object> request(String exportType) {
		return request(exportType, this.eventId,
				List.of("registrationId", "firstName", "lastName", "amountCents", "registrationDate", "checkedIn"));
	}

	private Map<String, Object> request(String exportType, String event, List<String> fields) {
		return Map.of("name", "Delegates", "exportType", exportType, "dataType", "registrations", "event", event,
				"fields", fields, "filters",
				List.of(Map.of("field", "status", "operator", "equals", "value", "active")), "sorts",
				List.of(Map.of("field", "registrationId", "direction", "asc")), "config",
				Map.of("dateFormat", "yyyy-MM-dd HH:mm", "sheetName", "Delegates", "customHeaders",
						Map.of("firstName", "Given Name")));
	}

	@SuppressWarnings("unchecked")
	private String generate(Map<String, Object> body) {
		Map<String, Object> response = as("admin").post()
			.uri("/api/export/generate")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<String, Object> job = (Map<String, Object>) response.get("data");
		assertThat(job.get("status")).isEqualTo("pending");
		return (String) job.get("_id");
	}

	private void awaitCompleted(String jobId, long rows) {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> as("admin").get()
				.uri("/api/export/status/" + jobId)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.data.status")
				.isEqualTo("completed")
				.jsonPath("$.data.recordCount")
				.isEqualTo((int) rows)
				.jsonPath("$.data.totalRecords")
				.isEqualTo((int) rows)
				.jsonPath("$.data.progress")
				.isEqualTo(100)
				.jsonPath("$.data.fileUrl")
				.isEqualTo("/api/export/download/" + jobId));
	}

	private byte[] download(String jobId, String contentType, String extension) {
		var result = as("admin").get()
			.uri("/api/export/download/" + jobId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.CONTENT_TYPE, (value) -> assertThat(value).startsWith(contentType))
			.expectHeader()
			.value(HttpHeaders.CONTENT_DISPOSITION,
					(value) -> assertThat(value).startsWith("attachment").contains("." + extension + "\""))
			.expectBody(byte[].class)
			.returnResult();
		return result.getResponseBody();
	}

	@Test
	void exportsCsvWithQuotingAndFormulaNeutralisation() throws Exception {
		String jobId = generate(request("csv"));
		awaitCompleted(jobId, 4);
		byte[] file = download(jobId, "text/csv", "csv");
		List<CSVRecord> records = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.build()
			.parse(new StringReader(new String(file, StandardCharsets.UTF_8)))
			.getRecords();
		assertThat(records).hasSize(4);
		assertThat(records.get(0).get("Registration ID")).isEqualTo("REG-0001");
		assertThat(records.get(0).get("Given Name")).isEqualTo("'=HYPERLINK(\"http://evil\")");
		assertThat(records.get(0).get("Amount (cents)")).isEqualTo("1250000");
		assertThat(records.get(0).get("Registered At")).isEqualTo("2026-03-01 10:00");
		assertThat(records.get(0).get("Checked In")).isEqualTo("No");
		assertThat(records.get(1).get("Given Name")).isEqualTo("प्रिया");
		assertThat(records.get(3).get("Last Name")).isEqualTo("Khan, \"Jr\"");
		assertThat(records).extracting((r) -> r.get("Registration ID")).doesNotContain("REG-0005");
	}

	@Test
	void exportsTypedXlsxWithFrozenHeaderAndAutoFilter() throws Exception {
		String jobId = generate(request("excel"));
		awaitCompleted(jobId, 4);
		byte[] file = download(jobId, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			XSSFSheet sheet = workbook.getSheet("Delegates");
			assertThat(sheet).isNotNull();
			Row header = sheet.getRow(0);
			assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Registration ID");
			assertThat(header.getCell(1).getStringCellValue()).isEqualTo("Given Name");
			assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:F5");
			Row first = sheet.getRow(1);
			assertThat(first.getCell(1).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://evil\")");
			Cell amount = first.getCell(3);
			assertThat(amount.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(amount.getNumericCellValue()).isEqualTo(1250000.0);
			Cell registered = first.getCell(4);
			assertThat(DateUtil.isCellDateFormatted(registered)).isTrue();
			assertThat(registered.getLocalDateTimeCellValue()).hasToString("2026-03-01T10:00");
			assertThat(first.getCell(5).getCellType()).isEqualTo(CellType.BOOLEAN);
			assertThat(sheet.getRow(3).getCell(2).getStringCellValue()).isEqualTo("小明");
			assertThat(sheet.getLastRowNum()).isEqualTo(4);
			assertThat(sheet.getColumnWidth(1)).isGreaterThan(20 * 256);
		}
	}

	@Test
	void leavesOutTheHeaderRowWhenAskedTo() throws Exception {
		Map<String, Object> body = new java.util.HashMap<>(request("csv"));
		body.put("config", Map.of("includeHeaders", false, "customHeaders", Map.of("firstName", "Given Name")));
		String csvJob = generate(body);
		awaitCompleted(csvJob, 4);
		String csv = new String(download(csvJob, "text/csv", "csv"), StandardCharsets.UTF_8);
		List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
		assertThat(records).hasSize(4);
		assertThat(records).extracting((record) -> record.get(0))
			.containsExactly("REG-0001", "REG-0002", "REG-0003", "REG-0004");
		assertThat(csv).doesNotContain("Given Name").doesNotContain("Registration ID");
		body.put("exportType", "excel");
		String xlsxJob = generate(body);
		awaitCompleted(xlsxJob, 4);
		byte[] xlsx = download(xlsxJob, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("REG-0001");
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://evil\")");
			assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("REG-0004");
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
		}
	}

	@Test
	void exportsPdfWithNonLatinNamesAsText() throws Exception {
		String jobId = generate(request("pdf"));
		awaitCompleted(jobId, 4);
		byte[] file = download(jobId, "application/pdf", "pdf");
		PdfReader reader = new PdfReader(file);
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(PdfTextExtractor.getTextFromPage(reader, page)).append('\n');
		}
		String all = text.toString();
		assertThat(all).contains("Delegates", "Filters: status equals active", "Generated at:", "Page 1");
		assertThat(all).contains("Given Name", "Last Name");
		assertThat(all).contains("REG-0001", "REG-0004", "小明", "王");
		assertThat(all).contains("प्रिया");
		String arabic = Normalizer.normalize(all, Normalizer.Form.NFKC);
		assertThat(arabic.contains("فاطمة") || arabic.contains("ةمطاف")).as(all).isTrue();
		assertThat(all).doesNotContain("REG-0005").doesNotContain("?");
		assertThat(reader.getPageSize(1).getWidth()).isLessThan(reader.getPageSize(1).getHeight());
	}

	@Test
	void runsASavedConfigAndPublishesExportCompleted() {
		@SuppressWarnings("unchecked")
		Map<String, Object> created = (Map<String, Object>) as("admin").post()
			.uri("/api/export/configs")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Faculty", "exportType", "csv", "dataType", "registrations", "event",
					this.eventId, "fields", List.of("registrationId", "category"), "filters",
					List.of(Map.of("field", "category", "operator", "contains", "value", "facul"))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("data");
		String jobId = generate(Map.of("exportConfigId", created.get("_id")));
		awaitCompleted(jobId, 1);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(TopicReader.readAll(Topics.EXPORTS))
				.anySatisfy((record) -> assertThat(new String(record.value(), StandardCharsets.UTF_8))
					.contains("\"type\":\"export-completed\"")
					.contains(jobId)));
		as("admin").get()
			.uri("/api/export/history?status=completed&dataType=registrations&event=" + this.eventId + "&limit=50")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[?(@._id=='" + jobId + "')].exportConfig")
			.isEqualTo(created.get("_id"))
			.jsonPath("$.meta.pagination.page")
			.isEqualTo(1);
	}

	@Test
	void refusesExportsOfUnknownFieldsAndHidesOthersJobs() {
		as("admin").post()
			.uri("/api/export/generate")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("exportType", "csv", "dataType", "registrations", "fields", List.of("salary")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("salary").contains("valid fields"));
		String jobId = generate(request("csv"));
		asUser(new ObjectId().toHexString(), "staff").get()
			.uri("/api/export/status/" + jobId)
			.exchange()
			.expectStatus()
			.isNotFound();
		as("admin").get().uri("/api/export/history?status=weird").exchange().expectStatus().isBadRequest();
	}

	private WebTestClient asBoundTo(String eventId, String role) {
		return client().mutate()
			.defaultHeader(HttpHeaders.AUTHORIZATION,
					"Bearer " + IdentityTokens.of(new ObjectId().toHexString(), "staff", role, eventId))
			.build();
	}

	@Test
	void hidesJobsOfOtherEventsFromATokenBoundToAnEvent() {
		String jobId = generate(request("csv"));
		awaitCompleted(jobId, 4);
		String otherEvent = new ObjectId().toHexString();
		WebTestClient otherManager = asBoundTo(otherEvent, "manager");
		otherManager.get().uri("/api/export/status/" + jobId).exchange().expectStatus().isNotFound();
		otherManager.get().uri("/api/export/download/" + jobId).exchange().expectStatus().isNotFound();
		otherManager.get()
			.uri("/api/export/history?limit=100")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[?(@._id=='" + jobId + "')]")
			.doesNotExist();
		WebTestClient ownManager = asBoundTo(this.eventId, "manager");
		ownManager.get()
			.uri("/api/export/status/" + jobId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data._id")
			.isEqualTo(jobId);
		ownManager.get().uri("/api/export/download/" + jobId).exchange().expectStatus().isOk();
	}

	/** A fresh event with registration rows straight in the read model. */
	private String eventWithRegistrations(int count) {
		String event = new ObjectId().toHexString();
		Instant at = Instant.parse("2026-03-02T08:00:00Z");
		this.mongo.insertAll(IntStream.rangeClosed(1, count)
			.mapToObj((i) -> new ReportRow("registrations:" + event + ":" + i, "registrations", event,
					Map.of("registrationId", String.format("PDF-%04d", i), "firstName", "Given" + i, "lastName",
							"Family" + i, "category", "Delegate", "status", "active", "amountCents", 1000 + i,
							"registrationDate", at.plusSeconds(i)),
					at, at))
			.toList()).collectList().block(Duration.ofSeconds(30));
		return event;
	}

	private PdfReader pdf(String event, List<String> fields, long rows) throws Exception {
		String jobId = generate(request("pdf", event, fields));
		awaitCompleted(jobId, rows);
		return new PdfReader(download(jobId, "application/pdf", "pdf"));
	}

	@Test
	void repeatsTheHeaderRowAndNumbersEveryPdfPage() throws Exception {
		String event = eventWithRegistrations(150);
		PdfReader reader = pdf(event, List.of("registrationId", "firstName", "lastName", "category"), 150);
		assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(3);
		String first = PdfTextExtractor.getTextFromPage(reader, 1);
		assertThat(first).contains("Generated at:", "Registration ID", "Given Name", "PDF-0001", "Page 1");
		for (int page = 2; page <= reader.getNumberOfPages(); page++) {
			String text = PdfTextExtractor.getTextFromPage(reader, page);
			// The heading is on page 1 only; the header row and the page number on each.
			assertThat(text).as("page %d", page)
				.doesNotContain("Generated at:")
				.contains("Registration ID", "Given Name", "Last Name", "Category", "PDF-", "Page " + page);
		}
		assertThat(PdfTextExtractor.getTextFromPage(reader, reader.getNumberOfPages())).contains("PDF-0150");
	}

	@Test
	void turnsPdfPagesToLandscapeFromSevenColumns() throws Exception {
		String event = eventWithRegistrations(3);
		List<String> six = List.of("registrationId", "firstName", "lastName", "category", "status", "amountCents");
		PdfReader portrait = pdf(event, six, 3);
		// As a viewer shows the page: iText writes A4.rotate() as a portrait MediaBox
		// with /Rotate 90.
		assertThat(portrait.getPageSizeWithRotation(1).getWidth())
			.isLessThan(portrait.getPageSizeWithRotation(1).getHeight());
		List<String> seven = new java.util.ArrayList<>(six);
		seven.add("registrationDate");
		PdfReader landscape = pdf(event, seven, 3);
		assertThat(landscape.getPageSizeWithRotation(1).getWidth())
			.isGreaterThan(landscape.getPageSizeWithRotation(1).getHeight());
		assertThat(PdfTextExtractor.getTextFromPage(landscape, 1)).contains("Registered At", "PDF-0003");
	}

}
