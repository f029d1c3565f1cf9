package com.onsiteatlas.reporting.schedule;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.onsiteatlas.reporting.ReportingIntegrationTest;
import com.onsiteatlas.reporting.readmodel.ReportRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With an attachment limit of a few bytes, every kind of scheduled e-mail (an export
 * config's file and a ready-made template's) carries a download link instead of the file,
 * and the link serves the file. Its own context (own database and consumer group), so the
 * tiny limit and its schedule runner do not meet the other tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class LargeReportLinkTests extends ReportingIntegrationTest {

	private static final Pattern LINK = Pattern.compile("http://localhost:8080(/api/export/download/([0-9a-f]{24}))");

	private final String eventId = new ObjectId().toHexString();

	@Autowired
	ReactiveMongoTemplate mongo;

	@DynamicPropertySource
	static void tinyAttachments(DynamicPropertyRegistry registry) {
		registry.add("atlas.reporting.delivery.attachment-limit", () -> "16B");
		registry.add("spring.data.mongodb.database", () -> "atlas_reporting_links_test");
		registry.add("spring.kafka.consumer.group-id", () -> "reporting-service-links-test");
	}

	@BeforeAll
	void readModel() {
		Instant at = Instant.parse("2026-06-01T09:00:00Z");
		this.mongo
			.insertAll(List.of(new ReportRow("registrations:link-1", "registrations", this.eventId,
					Map.of("registrationId", "LNK-0001", "firstName", "Ines", "category", "Delegate", "status",
							"active", "registrationDate", at),
					at, at),
					new ReportRow("registrations:link-2", "registrations", this.eventId, Map.of("registrationId",
							"LNK-0002", "firstName", "Jonas", "category", "Faculty", "status", "active"), at, at)))
			.collectList()
			.block(Duration.ofSeconds(10));
	}

	private String create(String uri, Map<String, Object> body) {
		Map<?, ?> created = as("admin").post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) ((Map<?, ?>) created.get("data")).get("_id");
	}

	private MimeMessage mailWithSubject(String subject) {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> Arrays.stream(SMTP.getReceivedMessages()).anyMatch((m) -> subject.equals(subject(m))));
		return Arrays.stream(SMTP.getReceivedMessages())
			.filter((m) -> subject.equals(subject(m)))
			.findFirst()
			.orElseThrow();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (Exception ex) {
			return null;
		}
	}

	/** The mail has no attachment and a link; returns the linked file. */
	private byte[] linkedFile(MimeMessage mail) throws Exception {
		assertThat(mail.getContent()).isNotInstanceOf(Multipart.class);
		String body = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
		assertThat(body).contains("too large to attach");
		Matcher link = LINK.matcher(body);
		assertThat(link.find()).as("download link in: %s", body).isTrue();
		return as("admin").get()
			.uri(link.group(1))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void linksAnExportConfigsFileAboveTheLimit() throws Exception {
		String configId = create("/api/export/configs", Map.of("name", "Delegates", "exportType", "csv", "dataType",
				"registrations", "event", this.eventId, "fields", List.of("registrationId", "firstName")));
		String subject = "Linked export " + new ObjectId();
		String id = create("/api/reports/schedules",
				Map.of("exportConfig", configId, "schedule", Map.of("frequency", "daily"), "delivery",
						Map.of("type", "email", "recipients", List.of("chair@example.org"), "subject", subject)));
		as("admin").post().uri("/api/reports/schedules/" + id + "/run-now").exchange().expectStatus().isAccepted();
		String csv = new String(linkedFile(mailWithSubject(subject)), StandardCharsets.UTF_8);
		assertThat(csv).contains("LNK-0001", "Ines", "LNK-0002", "Jonas");
	}

	@Test
	void linksAReadyMadeReportAboveTheLimitFromAStoredCopy() throws Exception {
		String subject = "Linked template " + new ObjectId();
		String id = create("/api/reports/schedules",
				Map.of("report", "registrations-by-category-status", "eventId", this.eventId, "format", "pdf",
						"schedule", Map.of("frequency", "daily"), "delivery",
						Map.of("type", "email", "recipients", List.of("chair@example.org"), "subject", subject)));
		as("admin").post().uri("/api/reports/schedules/" + id + "/run-now").exchange().expectStatus().isAccepted();
		byte[] pdf = linkedFile(mailWithSubject(subject));
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(com.itextpdf.text.pdf.parser.PdfTextExtractor
			.getTextFromPage(new com.itextpdf.text.pdf.PdfReader(pdf), 1))
			.contains("Registrations by category and status", "Faculty", "Delegate");
		// The stored copy is in the history like any export.
		as("admin").get()
			.uri("/api/export/history?event=" + this.eventId + "&exportType=pdf")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[0].status")
			.isEqualTo("completed")
			.jsonPath("$.data[0].scheduleId")
			.isEqualTo(id);
	}

}
