package com.onsiteatlas.reporting.audit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.reporting.ReportingIntegrationTest;
import com.onsiteatlas.support.testing.IdentityTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * The reporting audit trail: export downloads, schedule changes and schedule runs leave
 * entries naming their actor (the schedule itself for what the background worker did);
 * the trail is the admin's, filtered and exportable.
 */
class ReportingAuditTests extends ReportingIntegrationTest {

	static final String MANAGER_ID = "65f0a00000000000000000b2";

	final String eventId = new ObjectId().toHexString();

	private WebTestClient manager() {
		return asUser(MANAGER_ID, "manager");
	}

	@Test
	void recordsAnExportDownloadByItsCaller() {
		String jobId = (String) data(this.manager()
			.post()
			.uri("/api/export/generate")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Delegates", "exportType", "csv", "dataType", "registrations", "event",
					this.eventId, "fields", List.of("registrationId", "firstName")))
			.exchange()
			.expectStatus()
			.isAccepted()).get("_id");
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> manager().get()
				.uri("/api/export/status/" + jobId)
				.exchange()
				.expectBody()
				.jsonPath("$.data.status")
				.isEqualTo("completed"));
		assertThat(entries("?action=export.downloaded")).isEmpty();
		manager().get().uri("/api/export/download/" + jobId).exchange().expectStatus().isOk();
		String trail = trail("?action=export.downloaded");
		assertThat(JsonPath.<List<Object>>read(trail, "$.data")).hasSize(1);
		assertThat(JsonPath.<String>read(trail, "$.data[0].resourceId")).isEqualTo(jobId);
		assertThat(JsonPath.<String>read(trail, "$.data[0].actor.id")).isEqualTo(MANAGER_ID);
		assertThat(JsonPath.<String>read(trail, "$.data[0].actor.role")).isEqualTo("manager");
	}

	@Test
	void recordsScheduleChangesAndRunsWithTheScheduleAsActorOfTheOutcome() {
		String configId = (String) data(as("admin").post()
			.uri("/api/export/configs")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Audited delegates", "exportType", "csv", "dataType", "registrations", "isGlobal",
					true, "event", this.eventId, "fields", List.of("registrationId", "firstName")))
			.exchange()
			.expectStatus()
			.isCreated()).get("_id");
		Map<String, Object> schedule = new java.util.HashMap<>(Map.of("name", "Audited report", "exportConfig",
				configId, "eventId", this.eventId, "schedule",
				Map.of("frequency", "daily", "time", "07:30", "timezone", "UTC"), "delivery",
				Map.of("type", "email", "recipients", List.of("chair@example.org"), "subject", "Audited report")));
		String scheduleId = (String) data(manager().post()
			.uri("/api/reports/schedules")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(schedule)
			.exchange()
			.expectStatus()
			.isCreated()).get("_id");
		manager().put()
			.uri("/api/reports/schedules/" + scheduleId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(with(schedule, "name", "Audited report, renamed"))
			.exchange()
			.expectStatus()
			.isOk();
		manager().post()
			.uri("/api/reports/schedules/" + scheduleId + "/run-now")
			.exchange()
			.expectStatus()
			.isAccepted();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !entries("?action=schedule-run.delivered").isEmpty()
					|| !entries("?action=schedule-run.failed").isEmpty());
		manager().delete().uri("/api/reports/schedules/" + scheduleId).exchange().expectStatus().isOk();
		String trail = trail("?sortBy=at:asc");
		assertThat(JsonPath.<List<String>>read(trail, "$.data[*].action")).containsExactly("schedule.created",
				"schedule.updated", "schedule-run.started", "schedule-run.delivered", "schedule.deleted");
		assertThat(JsonPath.<List<String>>read(trail, "$.data[1].fields")).containsExactly("name");
		assertThat(JsonPath.<String>read(trail, "$.data[2].actor.id")).isEqualTo(MANAGER_ID);
		assertThat(JsonPath.<String>read(trail, "$.data[3].actor.type")).isEqualTo("system");
		assertThat(JsonPath.<String>read(trail, "$.data[3].actor.role")).isEqualTo("schedule");
		assertThat(JsonPath.<String>read(trail, "$.data[3].actor.id")).isEqualTo(scheduleId);
		assertThat(JsonPath.<String>read(trail, "$.data[4].actor.id")).isEqualTo(MANAGER_ID);
	}

	@Test
	void onlyAdminsReadTheTrailAndItExportsAsCsv() {
		for (String role : List.of("manager", "staff")) {
			as(role).get()
				.uri("/api/events/" + this.eventId + "/reporting-audit")
				.exchange()
				.expectStatus()
				.isForbidden();
		}
		client().get()
			.uri("/api/events/" + this.eventId + "/reporting-audit")
			.header(HttpHeaders.AUTHORIZATION,
					"Bearer " + IdentityTokens.registrant(new ObjectId().toHexString(), this.eventId))
			.exchange()
			.expectStatus()
			.isForbidden();
		client().get()
			.uri("/api/events/" + this.eventId + "/reporting-audit")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		as("admin").get()
			.uri("/api/events/" + this.eventId + "/reporting-audit?format=csv")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(new MediaType("text", "csv"))
			.expectBody(String.class)
			.isEqualTo("at,action,actorId,actorType,actorRole,resourceType,resourceId,summary,fields\r\n");
	}

	@Test
	void refusesBadFiltersWithAMessage() {
		for (String[] bad : new String[][] { { "from=last-week", "'from' must be a date" },
				{ "action=schedule.paused", "action must be one of" }, { "format=pdf", "'format' must be" } }) {
			as("admin").get()
				.uri("/api/events/" + this.eventId + "/reporting-audit?" + bad[0])
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.message")
				.value(containsString(bad[1]));
		}
	}

	private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
		Map<String, Object> changed = new java.util.HashMap<>(body);
		changed.put(field, value);
		return changed;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> data(WebTestClient.ResponseSpec response) {
		Map<String, Object> body = response.expectBody(Map.class).returnResult().getResponseBody();
		return (Map<String, Object>) body.get("data");
	}

	private List<Object> entries(String query) {
		return JsonPath.read(trail(query), "$.data");
	}

	private String trail(String query) {
		return new String(as("admin").get()
			.uri("/api/events/" + this.eventId + "/reporting-audit" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBodyContent());
	}

}
