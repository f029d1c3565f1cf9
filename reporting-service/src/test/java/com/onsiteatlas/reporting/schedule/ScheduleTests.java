package com.onsiteatlas.reporting.schedule;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.reporting.ReportingIntegrationTest;
import com.onsiteatlas.support.signing.SigV4;
import com.onsiteatlas.reporting.export.ExportHistory;
import com.onsiteatlas.reporting.export.ExportStatus;
import com.onsiteatlas.support.crypto.AesGcmCipher;
import com.onsiteatlas.support.crypto.KeyPurpose;
import com.onsiteatlas.support.crypto.Keyring;
import com.onsiteatlas.support.testing.IdentityTokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scheduled reports end to end: registration events on Kafka, a due occurrence, the
 * export job, and the file in the SMTP server or S3 stand-in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduleTests extends ScheduleTestSupport {

	/** The development default of ATLAS_ENCRYPTION_KEY, which the tests run with. */
	private static final String DEV_KEY = "ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=";

	private final WireMockServer s3 = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	@Autowired
	ScheduleRunner runner;

	@Autowired
	ScheduleRunClaims runClaims;

	@Autowired
	ScheduleSecrets secrets;

	@Autowired
	ScheduleProperties properties;

	private String configId;

	@BeforeAll
	void registrationsAndConfig() {
		this.s3.start();
		this.s3.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
		Instant t0 = Instant.parse("2026-04-01T08:00:00Z");
		for (int i = 1; i <= 3; i++) {
			register("SCH-000" + i, "Guest" + i, "Sched", "Delegate", t0.plusSeconds(i));
		}
		awaitRows(3);
		Map<?, ?> created = as("admin").post()
			.uri("/api/export/configs")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Daily delegates", "exportType", "csv", "dataType", "registrations", "event",
					this.eventId, "isGlobal", true, "fields", List.of("registrationId", "firstName"), "sorts",
					List.of(Map.of("field", "registrationId", "direction", "asc"))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		this.configId = (String) ((Map<?, ?>) created.get("data")).get("_id");
	}

	@AfterAll
	void stopStub() {
		this.s3.stop();
	}

	private String createSchedule(Map<String, Object> delivery) {
		Map<?, ?> schedule = createSchedule("admin",
				Map.of("name", "Morning report", "exportConfig", this.configId, "schedule",
						Map.of("frequency", "daily", "time", "07:30", "timezone", "Asia/Kolkata"), "delivery", delivery,
						"isGlobal", true));
		assertThat(Instant.parse((String) schedule.get("nextRun"))).isAfter(Instant.now());
		return (String) schedule.get("_id");
	}

	@Test
	void mailsADueOccurrenceOnceWithTheCsvAttached() throws Exception {
		String subject = "Delegates " + new ObjectId();
		String id = createSchedule(Map.of("type", "email", "recipients", List.of("chair@example.org"), "subject",
				subject, "message", "Good morning"));
		Instant occurrence = Instant.now().minusSeconds(5);
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("nextRun", occurrence),
					ReportSchedule.class)
			.block();
		// Replicas racing for the same occurrence.
		Flux.range(0, 4).flatMap((i) -> this.runClaims.claimDue()).blockLast(Duration.ofSeconds(10));
		await().atMost(Duration.ofSeconds(60)).until(() -> mailsWithSubject(subject).size() == 1);
		MimeMessage mail = mailsWithSubject(subject).get(0);
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("chair@example.org");
		Multipart parts = (Multipart) mail.getContent();
		BodyPart attachment = parts.getBodyPart(1);
		assertThat(attachment.getFileName()).endsWith(".csv");
		String csv = new String(attachment.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.build()
			.parse(new StringReader(csv))
			.getRecords();
		assertThat(rows).extracting((row) -> row.get("Registration ID"))
			.containsExactly("SCH-0001", "SCH-0002", "SCH-0003");
		assertThat(GreenMailUtil.getBody(mail)).contains("Good morning");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(schedule(id).lastStatus()).isEqualTo("success"));
		ReportSchedule after = schedule(id);
		assertThat(after.nextRun()).isAfter(Instant.now());
		assertThat(after.lastRun().toEpochMilli()).isEqualTo(occurrence.toEpochMilli());
		assertThat(this.mongo.count(Query.query(Criteria.where("scheduleId").is(id)), ScheduleRun.class).block())
			.isEqualTo(1);
		as("staff").get()
			.uri("/api/reports/schedules/" + id + "/runs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[0].status")
			.isEqualTo("delivered");
	}

	@Test
	void uploadsARunNowToS3AndMasksTheSecret() {
		String secret = "top-secret-" + new ObjectId();
		String id = createSchedule(Map.of("type", "cloud-storage", "cloudStorage",
				Map.of("provider", "s3", "path", "atlas/daily", "config", Map.of("endpoint", this.s3.baseUrl(),
						"bucket", "reports", "accessKeyId", "AKIDTEST", "secretAccessKey", secret))));
		// At rest: sealed, and the clear secret appears nowhere in the document.
		Document stored = this.mongo.findById(id, Document.class, ReportSchedule.COLLECTION).block();
		assertThat(stored.toJson()).doesNotContain(secret);
		String sealed = storedSecret(id, "secretAccessKey");
		assertThat(sealed).startsWith("v2:k2:");
		assertThat(secretsCipher().decrypt(sealed)).isEqualTo(secret);
		runNow("manager", id);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> this.s3.verify(putRequestedFor(urlMatching("/reports/atlas/daily/registrations_.*\\.csv"))));
		assertSignedWith("/reports/atlas/daily/.*", secret);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(schedule(id).lastStatus()).isEqualTo("success"));
		as("staff").get()
			.uri("/api/reports/schedules/" + id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.delivery.cloudStorage.config.secretAccessKey")
			.isEqualTo("******")
			.jsonPath("$.data.delivery.cloudStorage.config.bucket")
			.isEqualTo("reports");
	}

	@Test
	void deliversWithAClearTextSecretOfAnEarlierVersionAndSealsItOnTheNextWrite() {
		String secret = "legacy-secret-" + new ObjectId();
		Map<String, Object> s3Config = Map.of("endpoint", this.s3.baseUrl(), "bucket", "reports", "accessKeyId",
				"AKIDTEST", "secretAccessKey", secret);
		String id = createSchedule(Map.of("type", "cloud-storage", "cloudStorage",
				Map.of("provider", "s3", "path", "legacy", "config", s3Config)));
		// As an earlier version stored it: in clear text.
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)),
					new Update().set("delivery.cloudStorage.config.secretAccessKey", secret), ReportSchedule.class)
			.block();
		assertThat(storedSecret(id, "secretAccessKey")).isEqualTo(secret);
		runNow("admin", id);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(schedule(id).lastStatus()).isEqualTo("success"));
		assertSignedWith("/reports/legacy/.*", secret);
		// An update that sends back the masked value keeps the secret, now sealed.
		as("admin").put()
			.uri("/api/reports/schedules/" + id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Renamed", "exportConfig", this.configId, "isGlobal", true, "schedule",
					Map.of("frequency", "daily", "time", "07:30"), "delivery",
					Map.of("type", "cloud-storage", "cloudStorage",
							Map.of("provider", "s3", "path", "legacy", "config",
									Map.of("endpoint", this.s3.baseUrl(), "bucket", "reports", "accessKeyId",
											"AKIDTEST", "secretAccessKey", "******")))))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.delivery.cloudStorage.config.secretAccessKey")
			.isEqualTo("******");
		assertThat(storedSecret(id, "secretAccessKey")).startsWith("v2:k2:");
		assertThat(secretsCipher().decrypt(storedSecret(id, "secretAccessKey"))).isEqualTo(secret);
		// A masked value where none is stored is refused.
		as("admin").post()
			.uri("/api/reports/schedules")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("exportConfig", this.configId, "schedule", Map.of("frequency", "daily"), "delivery",
					Map.of("type", "cloud-storage", "cloudStorage",
							Map.of("provider", "dropbox", "config", Map.of("accessToken", "******")))))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("accessToken"));
	}

	@Test
	void sealsClearTextSecretsOfEarlierVersionsAtStartOnce() {
		String token = "drive-token-" + new ObjectId();
		String id = createSchedule(Map.of("type", "cloud-storage", "cloudStorage",
				Map.of("provider", "google-drive", "config", Map.of("accessToken", token, "folderId", "f1"))));
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)),
					new Update().set("delivery.cloudStorage.config.accessToken", token), ReportSchedule.class)
			.block();
		assertThat(this.secrets.sealLegacySecrets().block()).isPositive();
		String sealed = storedSecret(id, "accessToken");
		assertThat(sealed).startsWith("v2:k2:");
		assertThat(secretsCipher().decrypt(sealed)).isEqualTo(token);
		assertThat(storedSecret(id, "folderId")).isEqualTo("f1");
		// Nothing left to seal: a second start changes nothing.
		this.secrets.sealLegacySecrets().block();
		assertThat(storedSecret(id, "accessToken")).isEqualTo(sealed);
	}

	@Test
	void listsOwnAndGlobalSchedulesOfTheEventsTheTokenReaches() {
		String owner = new ObjectId().toHexString();
		String stranger = new ObjectId().toHexString();
		Map<String, Object> delivery = Map.of("type", "download");
		String mine = createAs(owner, null, Map.of("name", "Private " + owner, "exportConfig", this.configId,
				"schedule", Map.of("frequency", "daily"), "delivery", delivery));
		String shared = createAs(owner, null, Map.of("name", "Shared " + owner, "exportConfig", this.configId,
				"isGlobal", true, "schedule", Map.of("frequency", "daily"), "delivery", delivery));
		assertThat(names(owner, null)).contains("Private " + owner, "Shared " + owner);
		assertThat(names(stranger, null)).contains("Shared " + owner).doesNotContain("Private " + owner);
		// Bound to this event: its schedules only; bound to another: none of them.
		assertThat(names(stranger, this.eventId)).contains("Shared " + owner).doesNotContain("Private " + owner);
		String elsewhere = new ObjectId().toHexString();
		assertThat(names(stranger, elsewhere)).doesNotContain("Shared " + owner);
		client(stranger, null).get().uri("/api/reports/schedules/" + mine).exchange().expectStatus().isNotFound();
		client(stranger, elsewhere).get()
			.uri("/api/reports/schedules/" + shared)
			.exchange()
			.expectStatus()
			.isNotFound();
		client(stranger, this.eventId).get()
			.uri("/api/reports/schedules/" + shared)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.eventId")
			.isEqualTo(this.eventId);
		// A token bound to another event cannot schedule this event's config.
		client(owner, elsewhere).post()
			.uri("/api/reports/schedules")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("report", "workshop-fill", "eventId", this.eventId, "schedule",
					Map.of("frequency", "daily"), "delivery", delivery))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private WebTestClient client(String userId, String eventId) {
		return client().mutate()
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + IdentityTokens.of(userId, "staff", "admin", eventId))
			.build();
	}

	private String createAs(String userId, String eventId, Map<String, Object> body) {
		Map<?, ?> created = client(userId, eventId).post()
			.uri("/api/reports/schedules")
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

	private List<String> names(String userId, String eventId) {
		Map<?, ?> page = client(userId, eventId).get()
			.uri("/api/reports/schedules?limit=100")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((List<?>) page.get("data")).stream()
			.map((schedule) -> (String) ((Map<?, ?>) schedule).get("name"))
			.toList();
	}

	@Test
	void deliversToDropboxWithATokenFromTheSealedRefreshTokenAndWritesNothingBack() {
		String refreshToken = "refresh-" + new ObjectId();
		String clientSecret = "organiser-secret-" + new ObjectId();
		String accessToken = "access-" + new ObjectId();
		CLOUD.stubFor(post(urlEqualTo("/dropbox/oauth2/token"))
			.withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
			.withFormParam("grant_type", equalTo("refresh_token"))
			.withFormParam("refresh_token", equalTo(refreshToken))
			.withFormParam("client_id", equalTo("organiser-app"))
			.withFormParam("client_secret", equalTo(clientSecret))
			.willReturn(okJson("{\"access_token\":\"" + accessToken + "\",\"expires_in\":14400}")));
		CLOUD.stubFor(post(urlEqualTo("/2/files/upload")).withHeader("Authorization", equalTo("Bearer " + accessToken))
			.willReturn(okJson("{}")));
		String id = createSchedule(Map.of("type", "cloud-storage", "cloudStorage",
				Map.of("provider", "dropbox", "path", "refreshed", "config", Map.of("refreshToken", refreshToken,
						"clientId", "organiser-app", "clientSecret", clientSecret, "accessToken", "long-expired"))));
		String sealedRefreshToken = storedSecret(id, "refreshToken");
		Document stored = this.mongo.findById(id, Document.class, ReportSchedule.COLLECTION).block();
		assertThat(stored.toJson()).doesNotContain(refreshToken).doesNotContain(clientSecret);
		assertThat(secretsCipher().decrypt(storedSecret(id, "clientSecret"))).isEqualTo(clientSecret);
		runNow("admin", id);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(schedule(id).lastStatus()).isEqualTo("success"));
		List<LoggedRequest> uploads = CLOUD.findAll(postRequestedFor(urlEqualTo("/2/files/upload"))
			.withHeader("Authorization", equalTo("Bearer " + accessToken)));
		assertThat(uploads).hasSize(1);
		assertThat(uploads.get(0).getHeader("Dropbox-API-Arg")).contains("\"path\":\"/refreshed/registrations_");
		assertThat(uploads.get(0).getBodyAsString()).contains("SCH-0001");
		// The refreshed token stays in memory: the stored secrets are as they were.
		assertThat(storedSecret(id, "refreshToken")).isEqualTo(sealedRefreshToken);
		assertThat(secretsCipher().decrypt(storedSecret(id, "accessToken"))).isEqualTo("long-expired");
		as("staff").get()
			.uri("/api/reports/schedules/" + id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.delivery.cloudStorage.config.refreshToken")
			.isEqualTo("******")
			.jsonPath("$.data.delivery.cloudStorage.config.clientSecret")
			.isEqualTo("******")
			.jsonPath("$.data.delivery.cloudStorage.config.clientId")
			.isEqualTo("organiser-app");
	}

	@Test
	void recordsARefusedRefreshTokenAsAuthFailedWithoutTheProvidersAnswer() {
		String refreshToken = "revoked-" + new ObjectId();
		CLOUD.stubFor(post(urlEqualTo("/dropbox/oauth2/token")).withFormParam("refresh_token", equalTo(refreshToken))
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody(
						"{\"error\":\"invalid_grant\",\"error_description\":\"remote words " + refreshToken + "\"}")));
		String id = createSchedule(Map.of("type", "cloud-storage", "cloudStorage",
				Map.of("provider", "dropbox", "config", Map.of("refreshToken", refreshToken))));
		runNow("admin", id);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(schedule(id).lastStatus()).isEqualTo("failed"));
		assertThat(schedule(id).lastError()).isEqualTo("Upload to dropbox failed: auth-failed (HTTP 400)");
		// The operator's app presented the refresh token.
		assertThat(CLOUD.findAll(postRequestedFor(urlEqualTo("/dropbox/oauth2/token"))
			.withFormParam("refresh_token", equalTo(refreshToken))
			.withFormParam("client_id", equalTo("operator-app"))
			.withFormParam("client_secret", equalTo("operator-app-secret")))).hasSize(1);
	}

	private String storedSecret(String id, String key) {
		Document stored = this.mongo.findById(id, Document.class, ReportSchedule.COLLECTION).block();
		return stored.get("delivery", Document.class)
			.get("cloudStorage", Document.class)
			.get("config", Document.class)
			.getString(key);
	}

	/** The S3 stand-in got a request whose SigV4 signature was made with this secret. */
	private void assertSignedWith(String path, String secret) {
		List<LoggedRequest> puts = this.s3.findAll(putRequestedFor(urlMatching(path)));
		assertThat(puts).isNotEmpty();
		LoggedRequest put = puts.get(puts.size() - 1);
		Instant at = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
			.withZone(ZoneOffset.UTC)
			.parse(put.getHeader("x-amz-date"), Instant::from);
		String expected = SigV4
			.signS3("PUT", URI.create(this.s3.baseUrl() + put.getUrl()),
					Map.of("content-type", put.getHeader("Content-Type")), put.getHeader("x-amz-content-sha256"),
					new SigV4.Credentials("AKIDTEST", secret), "us-east-1", at)
			.get("Authorization");
		assertThat(put.getHeader("Authorization")).isEqualTo(expected);
	}

	@Test
	void recordsTheFailureReasonAndCount() {
		String id = createSchedule(
				Map.of("type", "cloud-storage", "cloudStorage", Map.of("provider", "dropbox", "config", Map.of())));
		runNow("admin", id);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(schedule(id).failureCount()).isEqualTo(1));
		assertThat(schedule(id).lastStatus()).isEqualTo("failed");
		assertThat(schedule(id).lastError()).contains("accessToken");
		runNow("admin", id);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(schedule(id).failureCount()).isEqualTo(2));
		// Fixed behind the API's back, so that only the runner can reset the count.
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)),
					new Update().set("delivery", new Document("type", "download")), ReportSchedule.class)
			.block();
		runNow("admin", id);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(schedule(id).lastStatus()).isEqualTo("success"));
		ReportSchedule recovered = schedule(id);
		assertThat(recovered.failureCount()).isZero();
		assertThat(recovered.lastError()).isNull();
	}

	@Test
	void keepsTheExportOfADownloadScheduleInTheHistory() throws Exception {
		String id = createSchedule(Map.of("type", "download"));
		runNow("admin", id);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(schedule(id).lastStatus()).isEqualTo("success"));
		ScheduleRun run = this.mongo.findOne(Query.query(Criteria.where("scheduleId").is(id)), ScheduleRun.class)
			.block();
		assertThat(run.deliveredTo()).isEqualTo("history:" + run.jobId());
		as("admin").get()
			.uri("/api/export/history?event=" + this.eventId + "&status=completed&limit=100")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[?(@._id=='" + run.jobId() + "')].scheduleId")
			.isEqualTo(id);
		byte[] file = as("admin").get()
			.uri("/api/export/download/" + run.jobId())
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
			.parse(new StringReader(new String(file, java.nio.charset.StandardCharsets.UTF_8)))
			.getRecords();
		assertThat(rows).extracting((row) -> row.get("Registration ID"))
			.containsExactly("SCH-0001", "SCH-0002", "SCH-0003");
	}

	@Test
	void validatesSchedulesAndLetsOnlyManagersWrite() {
		as("admin").post()
			.uri("/api/reports/schedules")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("exportConfig", this.configId, "schedule", Map.of("frequency", "hourly"), "delivery",
					Map.of("type", "email", "recipients", List.of("a@b.org"))))
			.exchange()
			.expectStatus()
			.isBadRequest();
		as("admin").post()
			.uri("/api/reports/schedules")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("exportConfig", this.configId, "schedule", Map.of("frequency", "daily"), "delivery",
					Map.of("type", "email", "recipients", List.of("not-an-address"))))
			.exchange()
			.expectStatus()
			.isBadRequest();
		as("staff").post()
			.uri("/api/reports/schedules")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("exportConfig", this.configId, "schedule", Map.of("frequency", "daily"), "delivery",
					Map.of("type", "download")))
			.exchange()
			.expectStatus()
			.isForbidden();
		as("staff").get()
			.uri("/api/reports/schedules?isActive=true")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.meta.pagination.page")
			.isEqualTo(1);
	}

	@Test
	void mailsAReadyMadeReportAsAPdfWithItsChart() throws Exception {
		String subject = "Categories " + new ObjectId();
		Map<?, ?> created = as("manager").post()
			.uri("/api/reports/schedules")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("report", "registrations-by-category-status", "eventId", this.eventId, "format", "pdf",
					"schedule", Map.of("frequency", "weekly", "dayOfWeek", 1, "time", "08:00"), "delivery",
					Map.of("type", "email", "recipients", List.of("chair@example.org"), "subject", subject)))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String id = (String) ((Map<?, ?>) created.get("data")).get("_id");
		runNow("manager", id);
		await().atMost(Duration.ofSeconds(60)).until(() -> mailsWithSubject(subject).size() == 1);
		BodyPart attachment = ((Multipart) mailsWithSubject(subject).get(0).getContent()).getBodyPart(1);
		assertThat(attachment.getFileName()).startsWith("registrations-by-category-status_").endsWith(".pdf");
		com.itextpdf.text.pdf.PdfReader pdf = new com.itextpdf.text.pdf.PdfReader(
				attachment.getInputStream().readAllBytes());
		assertThat(pdf.getNumberOfPages()).isEqualTo(2);
		assertThat(com.itextpdf.text.pdf.parser.PdfTextExtractor.getTextFromPage(pdf, 1))
			.contains("Registrations by category and status", "Delegate", "active");
		as("admin").post()
			.uri("/api/reports/schedules")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("report", "no-such-report", "eventId", this.eventId, "schedule",
					Map.of("frequency", "daily"), "delivery",
					Map.of("type", "email", "recipients", List.of("a@b.org"))))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	private ScheduleRun run(String id) {
		return this.mongo.findById(id, ScheduleRun.class).block();
	}

	/** A completed export job of the test config, as a schedule would have queued it. */
	private String completedJob() {
		Map<?, ?> queued = as("admin").post()
			.uri("/api/export/generate")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("exportConfigId", this.configId))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String jobId = (String) ((Map<?, ?>) queued.get("data")).get("_id");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> ExportStatus.COMPLETED
				.equals(this.mongo.findById(jobId, ExportHistory.class).block().status()));
		return jobId;
	}

	@Test
	void continuesARunOfADeadInstanceOnceAndLeavesAHeldOneAlone() {
		String orphanSubject = "Orphan " + new ObjectId();
		String orphanSchedule = createSchedule(
				Map.of("type", "email", "recipients", List.of("chair@example.org"), "subject", orphanSubject));
		String heldSubject = "Held " + new ObjectId();
		String heldSchedule = createSchedule(
				Map.of("type", "email", "recipients", List.of("chair@example.org"), "subject", heldSubject));
		Instant now = Instant.now();
		// Claimed by an instance that died before queueing the export: its lease ran out.
		ScheduleRun orphan = this.mongo
			.insert(new ScheduleRun(orphanSchedule + ":" + now.minusSeconds(60).toEpochMilli(), orphanSchedule,
					now.minusSeconds(60), ScheduleRunStatus.CLAIMED, null, null, null, "dead-instance",
					now.minusSeconds(10), now.minusSeconds(60), null))
			.block();
		// Ready to deliver (its export is done) but held by a live instance.
		ScheduleRun held = this.mongo
			.insert(new ScheduleRun(heldSchedule + ":" + now.minusSeconds(60).toEpochMilli(), heldSchedule,
					now.minusSeconds(60), ScheduleRunStatus.EXPORTING, completedJob(), null, null, "live-instance",
					now.plus(Duration.ofMinutes(10)), now.minusSeconds(60), null))
			.block();
		try {
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(run(orphan.id()).status()).isEqualTo(ScheduleRunStatus.DELIVERED));
			assertThat(run(orphan.id()).jobId()).isNotNull();
			assertThat(run(orphan.id()).deliveredTo()).isEqualTo("email:chair@example.org");
			await().atMost(Duration.ofSeconds(30)).until(() -> mailsWithSubject(orphanSubject).size() == 1);
			// More rounds, as other replicas would run them: nothing is sent again.
			this.runner.advanceRuns().block(Duration.ofSeconds(30));
			this.runner.advanceRuns().block(Duration.ofSeconds(30));
			assertThat(mailsWithSubject(orphanSubject)).hasSize(1);
			assertThat(schedule(orphanSchedule).lastStatus()).isEqualTo("success");
			ScheduleRun untouched = run(held.id());
			assertThat(untouched.status()).isEqualTo(ScheduleRunStatus.EXPORTING);
			assertThat(untouched.leaseOwner()).isEqualTo("live-instance");
			assertThat(untouched.leaseUntil()).isEqualTo(held.leaseUntil().truncatedTo(ChronoUnit.MILLIS));
			assertThat(mailsWithSubject(heldSubject)).isEmpty();
		}
		finally {
			this.mongo.remove(Query.query(Criteria.where("_id").is(held.id())), ScheduleRun.class).block();
		}
	}

	@Test
	void keepsTheRunLeaseWhileAnUploadOutlastsItAndUploadsOnce() {
		String folder = "slow-" + new ObjectId();
		Duration lease = this.properties.lease();
		// Longer than twice the lease plus a renewal interval, whatever the load.
		this.s3.stubFor(put(urlMatching("/reports/" + folder + "/.*"))
			.willReturn(aResponse().withStatus(200).withFixedDelay((int) lease.multipliedBy(4).toMillis())));
		String id = createSchedule(Map.of("type", "cloud-storage", "cloudStorage",
				Map.of("provider", "s3", "path", folder, "config", Map.of("endpoint", this.s3.baseUrl(), "bucket",
						"reports", "accessKeyId", "AKIDTEST", "secretAccessKey", "slow-secret"))));
		runNow("manager", id);
		// Delivering: the export is done and an instance holds the run.
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			ScheduleRun run = this.mongo.findOne(Query.query(Criteria.where("scheduleId").is(id)), ScheduleRun.class)
				.block();
			return run != null && run.jobId() != null && run.leaseOwner() != null && ExportStatus.COMPLETED
				.equals(this.mongo.findById(run.jobId(), ExportHistory.class).map(ExportHistory::status).block());
		});
		Instant delivering = Instant.now();
		ScheduleRun run = this.mongo.findOne(Query.query(Criteria.where("scheduleId").is(id)), ScheduleRun.class)
			.block();
		// The lease is renewed after the one taken for the delivery ran out.
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(run(run.id()).leaseUntil()).isAfter(delivering.plus(lease.multipliedBy(2))));
		assertThat(run(run.id()).status()).isEqualTo(ScheduleRunStatus.EXPORTING);
		// Another replica's round finds nothing to take over.
		this.runner.advanceRuns().block(Duration.ofSeconds(60));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(run(run.id()).status()).isEqualTo(ScheduleRunStatus.DELIVERED));
		assertThat(this.s3.findAll(putRequestedFor(urlMatching("/reports/" + folder + "/.*")))).hasSize(1);
		assertThat(schedule(id).lastStatus()).isEqualTo("success");
	}

	/** The provider-secrets cipher of the tests' keyring (k2 current). */
	private static AesGcmCipher secretsCipher() {
		return new AesGcmCipher(
				Keyring.of(KeyPurpose.PROVIDER_SECRETS, DEV_KEY, "k2", java.util.Map.of("k2", PROVIDER_SECRETS_K2)));
	}

}
