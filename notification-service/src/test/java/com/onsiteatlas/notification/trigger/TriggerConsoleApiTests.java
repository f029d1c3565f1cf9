package com.onsiteatlas.notification.trigger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.notification.Events;
import com.onsiteatlas.notification.NotificationIntegrationTest;
import com.onsiteatlas.notification.Staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

/**
 * What the organiser console's trigger and delivery-log pages need: the condition
 * builder's paths, the manual trigger's dry run and a bulk send's progress.
 */
class TriggerConsoleApiTests extends NotificationIntegrationTest {

	String eventId;

	WebTestClient admin;

	@BeforeEach
	void setUp() {
		this.eventId = Staff.newEventId();
		this.admin = Staff.as(this.client, "admin");
	}

	String post(String uri, Map<String, Object> body, Object... vars) {
		return new String(this.admin.post()
			.uri(uri, vars)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectBody()
			.returnResult()
			.getResponseBodyContent(), StandardCharsets.UTF_8);
	}

	String get(String uri, Object... vars) {
		return new String(this.admin.get()
			.uri(uri, vars)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBodyContent(), StandardCharsets.UTF_8);
	}

	void registration(String id, String email, String paymentStatus) {
		this.mongo
			.insert(new Document("_id", id).append("eventId", this.eventId)
				.append("registrationId", "REG-" + id.substring(18))
				.append("personalInfo", new Document("firstName", "Reg").append("lastName", id).append("email", email))
				.append("category", new Document("_id", "cat1").append("name", "Delegate"))
				.append("status", "active")
				.append("paymentStatus", paymentStatus)
				.append("searchText", String.valueOf(email)), "registrations")
			.block();
	}

	@Test
	void eventTypesListThePayloadPathsOfEachTypesSchemaWithTypesAndEnumValues() {
		String body = new String(Staff.as(this.client, "staff")
			.get()
			.uri("/api/events/{e}/notification-triggers/event-types", this.eventId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[*].eventType")
			.value(hasItem("hotel-booking-status-changed"))
			.returnResult()
			.getResponseBodyContent(), StandardCharsets.UTF_8);
		List<String> created = JsonPath.read(body,
				"$.data[?(@.eventType == 'registration-created')].fields[?(@.source == 'payload')].path");
		assertThat(created)
			.contains("registration.category.name", "registration.personalInfo.country", "registration.paymentStatus",
					"event.venue.city", "registration.customFields")
			.doesNotContain("registration", "registration.category", "event.venue");
		List<Object> statuses = JsonPath.read(body,
				"$.data[?(@.eventType == 'registration-created')].fields[?(@.path == 'registration.status')].values[*]");
		assertThat(statuses).containsExactly("active", "cancelled", "no-show");
		List<Object> paymentStatuses = JsonPath.read(body,
				"$.data[?(@.eventType == 'registration-created')].fields[?(@.path == 'registration.paymentStatus')].values[*]");
		assertThat(paymentStatuses).containsExactly("pending", "paid", "failed");
		List<String> amountType = JsonPath.read(body,
				"$.data[?(@.eventType == 'payment-received')].fields[?(@.path == 'amountCents')].type");
		assertThat(amountType).containsExactly("integer");
		List<String> variables = JsonPath.read(body,
				"$.data[?(@.eventType == 'registration-created')].fields[?(@.source == 'variable')].path");
		assertThat(variables).contains("categoryName", "firstName").doesNotContain("[QR_CODE]");
		List<String> general = JsonPath.read(body, "$.data[?(@.eventType == 'general')].fields[*].source");
		assertThat(general).isNotEmpty().allMatch("variable"::equals);
	}

	@Test
	void manualTriggerDryRunAnswersTheAudienceAndEtaThenTheSendReportsItsProgress() {
		registration(Events.newId(), "due1." + this.eventId + "@example.com", "pending");
		registration(Events.newId(), "due2." + this.eventId + "@example.com", "pending");
		registration(Events.newId(), null, "pending");
		registration(Events.newId(), "paid." + this.eventId + "@example.com", "paid");
		String template = JsonPath.read(post("/api/events/{e}/notification-templates",
				Map.of("name", "Reminder", "type", "email", "subject", "Reminder", "contentHtml", "<p>Hi</p>"),
				this.eventId), "$.data._id");
		String trigger = JsonPath.read(
				post("/api/events/{e}/notification-triggers",
						Map.of("name", "Reminder", "triggerType", "manual", "conditions",
								List.of(Map.of("field", "paymentStatus", "operator", "equals", "value", "pending")),
								"templates", List.of(Map.of("channel", "email", "template", template))),
						this.eventId),
				"$.data._id");
		this.admin.post()
			.uri("/api/events/{e}/notification-triggers/{t}/manual-trigger?dryRun=true", this.eventId, trigger)
			.bodyValue(Map.of("filter", Map.of()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.registrations")
			.isEqualTo(3)
			.jsonPath("$.data.notifications")
			.isEqualTo(3)
			.jsonPath("$.data.channels[0].channel")
			.isEqualTo("email")
			.jsonPath("$.data.channels[0].withoutAddress")
			.isEqualTo(1)
			.jsonPath("$.data.channels[0].ratePerSecond")
			.isNumber()
			.jsonPath("$.data.etaSeconds")
			.isNumber();
		assertThat(this.mongo.count(Query.query(Criteria.where("event").is(this.eventId)), "notifications").block())
			.isZero();
		Staff.as(this.client, "staff")
			.post()
			.uri("/api/events/{e}/notification-triggers/{t}/manual-trigger?dryRun=true", this.eventId, trigger)
			.bodyValue(Map.of("filter", Map.of()))
			.exchange()
			.expectStatus()
			.isForbidden();
		// A dry-run value other than true never sends for real.
		this.admin.post()
			.uri("/api/events/{e}/notification-triggers/{t}/manual-trigger?dryRun=1", this.eventId, trigger)
			.bodyValue(Map.of("filter", Map.of()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("'dryRun' must be true or false");
		assertThat(this.mongo.count(Query.query(Criteria.where("event").is(this.eventId)), "notifications").block())
			.isZero();

		String batch = JsonPath.read(post("/api/events/{e}/notification-triggers/{t}/manual-trigger",
				Map.of("filter", Map.of()), this.eventId, trigger), "$.data.batchId");
		assertThat(batch).startsWith("manual:");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			String progress = get("/api/events/{e}/notifications/progress?batch={b}", this.eventId, batch);
			assertThat((Integer) JsonPath.read(progress, "$.data[0].total")).isEqualTo(3);
			assertThat((Boolean) JsonPath.read(progress, "$.data[0].finished")).isTrue();
			assertThat((Integer) JsonPath.read(progress, "$.data[0].byStatus.sent")).isEqualTo(2);
			assertThat((Integer) JsonPath.read(progress, "$.data[0].byStatus.skipped")).isEqualTo(1);
			assertThat((String) JsonPath.read(progress, "$.data[0].trigger")).isEqualTo(trigger);
		});
		this.admin.get()
			.uri("/api/events/{e}/notifications?batch={b}&status=sent", this.eventId, batch)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(2);
		this.admin.get()
			.uri("/api/events/{e}/notifications/progress?batch={b}", this.eventId, "not a batch")
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

}
