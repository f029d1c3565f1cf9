package com.onsiteatlas.reporting.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Where a schedule may send its stored S3 key (issue 15, item 1): an internal endpoint is
 * refused unless the operator allow-lists it (the tests name {@code localhost} only), a
 * stored secret is kept only for the endpoint and bucket it was given for, the endpoint
 * is checked again before each upload, and a run's error is a class, never the remote
 * answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduleDestinationsTests extends ScheduleTestSupport {

	private final WireMockServer s3 = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private String configId;

	@BeforeAll
	void standInAndConfig() {
		this.s3.start();
		this.s3.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
		this.s3.stubFor(put(urlMatching("/leaky/.*")).willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/xml")
			.withBody("<Error><Message>internal admin console, db password hunter2</Message></Error>")));
		register("DST-0001", "Guest", "Dest", "Delegate", Instant.parse("2026-04-01T08:00:00Z"));
		awaitRows(1);
		Map<?, ?> created = as("admin").post()
			.uri("/api/export/configs")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Destinations", "exportType", "csv", "dataType", "registrations", "event",
					this.eventId, "isGlobal", true, "fields", List.of("registrationId")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		this.configId = (String) ((Map<?, ?>) created.get("data")).get("_id");
	}

	@AfterAll
	void stopStandIn() {
		this.s3.stop();
	}

	private Map<String, Object> body(Map<String, Object> config) {
		return Map.of("name", "Dest " + new ObjectId(), "exportConfig", this.configId, "isGlobal", true, "schedule",
				Map.of("frequency", "daily", "time", "07:30"), "delivery",
				Map.of("type", "cloud-storage", "cloudStorage", Map.of("provider", "s3", "config", config)));
	}

	private Map<String, Object> s3(String endpoint, String bucket, String secret) {
		return Map.of("endpoint", endpoint, "bucket", bucket, "accessKeyId", "AKIDTEST", "secretAccessKey", secret);
	}

	private WebTestClient.ResponseSpec post(Map<String, Object> body) {
		return as("manager").post()
			.uri("/api/reports/schedules")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec update(String id, Map<String, Object> body) {
		return as("manager").put()
			.uri("/api/reports/schedules/" + id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	@Test
	void refusesAnInternalS3EndpointOrABucketThatIsNoBucketName() {
		post(body(s3("http://127.0.0.1:" + this.s3.port(), "reports", "secret"))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("delivery.cloudStorage.config.endpoint")
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("loopback"));
		post(body(s3("http://169.254.169.254", "reports", "secret"))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("link-local"));
		post(body(s3("http://192.168.1.10:9000", "reports", "secret"))).expectStatus().isBadRequest();
		post(body(s3(this.s3.baseUrl(), "../admin", "secret"))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("delivery.cloudStorage.config.bucket");
		// The operator's allow-list names localhost: the stand-in stays reachable.
		post(body(s3(this.s3.baseUrl(), "reports", "secret"))).expectStatus().isCreated();
	}

	@Test
	void aStoredSecretIsKeptOnlyForTheEndpointAndBucketItWasGivenFor() {
		String id = (String) createSchedule("manager", body(s3(this.s3.baseUrl(), "reports", "stored-secret")))
			.get("_id");
		update(id, body(s3(this.s3.baseUrl(), "elsewhere", "******"))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("delivery.cloudStorage.config.secretAccessKey");
		update(id, body(s3("http://localhost:1", "reports", "******"))).expectStatus().isBadRequest();
		update(id, body(s3(this.s3.baseUrl() + "/", "reports", "******"))).expectStatus().isOk();
		update(id, body(s3(this.s3.baseUrl(), "elsewhere", "new-secret"))).expectStatus().isOk();
	}

	@Test
	void aRunRecordsTheClassOfAFailureNeverTheRemoteAnswer() {
		String id = (String) createSchedule("manager", body(s3(this.s3.baseUrl(), "leaky", "secret"))).get("_id");
		runNow("manager", id);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(schedule(id).lastStatus()).isEqualTo("failed"));
		assertThat(schedule(id).lastError()).contains("rejected", "HTTP 500").doesNotContain("hunter2", "admin");
		as("manager").get()
			.uri("/api/reports/schedules/" + id + "/runs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[0].error")
			.value((String error) -> assertThat(error).contains("rejected").doesNotContain("hunter2"));
	}

	@Test
	void checksTheEndpointAgainBeforeEachUpload() {
		String id = (String) createSchedule("manager", body(s3(this.s3.baseUrl(), "rebound", "secret"))).get("_id");
		// An endpoint that became internal after it was saved (as DNS rebinding would).
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)),
					new Update().set("delivery.cloudStorage.config.endpoint", "http://127.0.0.1:" + this.s3.port()),
					ReportSchedule.class)
			.block();
		runNow("manager", id);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(schedule(id).lastStatus()).isEqualTo("failed"));
		assertThat(schedule(id).lastError()).contains("loopback");
		assertThat(this.s3.findAll(putRequestedFor(urlMatching("/rebound/.*")))).isEmpty();
	}

}
