package com.onsiteatlas.notification.trigger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.JsonPath;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.notification.Events;
import com.onsiteatlas.notification.NotificationIntegrationTest;
import com.onsiteatlas.notification.Staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

class TriggerTests extends NotificationIntegrationTest {

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	TriggerScheduler scheduler;

	String eventId;

	WebTestClient admin;

	@BeforeEach
	void setUp() {
		this.eventId = Staff.newEventId();
		this.admin = Staff.as(this.client, "admin");
	}

	String post(String uri, Map<String, Object> body) {
		return new String(this.admin.post()
			.uri(uri, this.eventId)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectBody()
			.returnResult()
			.getResponseBodyContent(), StandardCharsets.UTF_8);
	}

	String emailTemplate(String subject) {
		return JsonPath.read(post("/api/events/{e}/notification-templates", Map.of("name", subject, "type", "email",
				"subject", subject, "contentHtml", "<p>Hello {{firstName}}</p>", "transactional", false)),
				"$.data._id");
	}

	/** Registrations known to the read model, as the projection would store them. */
	void registration(String id, String email, String paymentStatus, String status) {
		this.mongo
			.insert(new Document("_id", id).append("eventId", this.eventId)
				.append("registrationId", "REG-" + id.substring(18))
				.append("personalInfo", new Document("firstName", "Reg").append("lastName", id).append("email", email))
				.append("category", new Document("_id", "cat1").append("name", "Delegate"))
				.append("status", status)
				.append("paymentStatus", paymentStatus)
				.append("searchText", email), "registrations")
			.block();
	}

	long count(String status) {
		return this.mongo
			.count(Query.query(Criteria.where("event").is(this.eventId).and("status").is(status)), "notifications")
			.block();
	}

	@Test
	void validatesTriggersAndTheirTemplates() {
		String template = emailTemplate("T");
		this.admin.post()
			.uri("/api/events/{e}/notification-triggers", this.eventId)
			.bodyValue(Map.of("name", "x", "triggerType", "event", "eventType", "moon-landing", "templates",
					List.of(Map.of("channel", "email", "template", template))))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value(hasItem("eventType"));
		this.admin.post()
			.uri("/api/events/{e}/notification-triggers", this.eventId)
			.bodyValue(Map.of("name", "x", "triggerType", "event", "eventType", "payment-received", "templates",
					List.of(Map.of("channel", "sms", "template", template))))
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.admin.post()
			.uri("/api/events/{e}/notification-triggers", this.eventId)
			.bodyValue(Map.of("name", "x", "triggerType", "scheduled", "schedule",
					Map.of("type", "recurring", "time", "25:00", "recurring", Map.of("frequency", "daily")),
					"templates", List.of(Map.of("channel", "email", "template", template))))
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.admin.post()
			.uri("/api/events/{e}/notification-triggers", this.eventId)
			.bodyValue(Map.of("name", "x", "triggerType", "event", "eventType", "payment-received", "conditions",
					List.of(Map.of("field", "amountCents", "operator", "approximately", "value", 1)), "templates",
					List.of(Map.of("channel", "email", "template", template))))
			.exchange()
			.expectStatus()
			.isBadRequest();
		post("/api/events/{e}/notification-triggers",
				Map.of("name", "Payment receipt", "triggerType", "event", "eventType", "payment-received", "templates",
						List.of(Map.of("channel", "email", "template", template))));
		Staff.as(this.client, "staff")
			.get()
			.uri("/api/events/{e}/notification-triggers?triggerType=event", this.eventId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(1);
	}

	@Test
	void manualTriggerQueuesMatchingRegistrationsAtOnceAndReChecksConditions() {
		registration(Events.newId(), "paid1." + this.eventId + "@example.com", "paid", "active");
		registration(Events.newId(), "due1." + this.eventId + "@example.com", "pending", "active");
		registration(Events.newId(), "due2." + this.eventId + "@example.com", "pending", "active");
		registration(Events.newId(), "gone." + this.eventId + "@example.com", "pending", "cancelled");
		String template = emailTemplate("Payment reminder");
		String trigger = JsonPath.read(post("/api/events/{e}/notification-triggers",
				Map.of("name", "Reminder", "triggerType", "manual", "conditions",
						List.of(Map.of("field", "paymentStatus", "operator", "equals", "value", "pending")),
						"templates", List.of(Map.of("channel", "email", "template", template)))),
				"$.data._id");
		this.admin.post()
			.uri("/api/events/{e}/notification-triggers/{t}/manual-trigger", this.eventId, trigger)
			.bodyValue(Map.of())
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.admin.post()
			.uri("/api/events/{e}/notification-triggers/{t}/manual-trigger", this.eventId, trigger)
			.bodyValue(Map.of("filter", Map.of("category", "Delegate")))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.data.queued")
			.isEqualTo(2);
		await().atMost(Duration.ofSeconds(15)).until(() -> count("sent") == 2);
	}

	@Test
	void cancelsPendingSendsOfACancelledRegistration() {
		String registration = Events.newId();
		Instant later = Instant.now().plus(Duration.ofHours(1));
		this.mongo
			.insert(new Document("_id", Events.newId()).append("event", this.eventId)
				.append("registration", registration)
				.append("channel", "email")
				.append("status", "pending")
				.append("nextAttemptAt", java.util.Date.from(later))
				.append("dedupKey", "cancel-test-" + registration), "notifications")
			.block();
		ObjectNode cancelled = Events.fresh("registration-cancelled", this.eventId, registration,
				"x." + registration + "@example.com");
		// What the cancellation itself queued (a cancellation notice) is kept.
		this.mongo
			.insert(new Document("_id", Events.newId()).append("event", this.eventId)
				.append("registration", registration)
				.append("channel", "email")
				.append("status", "pending")
				.append("nextAttemptAt", java.util.Date.from(later))
				.append("dedupKey", cancelled.get("id").asText() + "|trigger|" + registration + "|email"),
					"notifications")
			.block();
		Events.publish(this.kafka, Topics.REGISTRATIONS, cancelled);
		await().atMost(Duration.ofSeconds(20)).until(() -> count("cancelled") == 1);
		assertThat(count("pending")).isEqualTo(1);
	}

	@Test
	void eventDeletedRemovesTheEventsNotificationData() {
		String template = emailTemplate("Doomed");
		post("/api/events/{e}/notification-triggers", Map.of("name", "Doomed", "triggerType", "manual", "templates",
				List.of(Map.of("channel", "email", "template", template))));
		this.admin.put()
			.uri("/api/events/{e}/notification-config", this.eventId)
			.bodyValue(Map.of("email", Map.of("footerText", "bye")))
			.exchange()
			.expectStatus()
			.isOk();
		ObjectNode deleted = Events.fresh("event-deleted", this.eventId, null, null);
		((ObjectNode) deleted.get("data")).put("eventId", this.eventId);
		deleted.put("subject", this.eventId);
		Events.publish(this.kafka, Topics.EVENTS, deleted);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.mongo
				.count(Query.query(Criteria.where("event").is(this.eventId)), "notification_templates")
				.block() == 0
					&& this.mongo.count(Query.query(Criteria.where("event").is(this.eventId)), "notification_triggers")
						.block() == 0
					&& this.mongo.findById(this.eventId, Document.class, "notification_configs").block() == null);
	}

	@Test
	void eventsOlderThanTheReplayGuardFeedTheReadModelButSendNothing() {
		String template = emailTemplate("Old news");
		post("/api/events/{e}/notification-triggers",
				Map.of("name", "On registration", "triggerType", "event", "eventType", "registration-created",
						"templates", List.of(Map.of("channel", "email", "template", template))));
		String registration = Events.newId();
		ObjectNode old = Events.fresh("registration-created", this.eventId, registration,
				"old." + registration + "@example.com");
		old.put("time", Instant.now().minus(Duration.ofDays(2)).toString());
		Events.publish(this.kafka, Topics.REGISTRATIONS, old);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.mongo.findById(registration, Document.class, "registrations").block() != null);
		String marker = Events.newId();
		Events.publish(this.kafka, Topics.REGISTRATIONS,
				Events.fresh("registration-created", this.eventId, marker, "new." + marker + "@example.com"));
		await().atMost(Duration.ofSeconds(20)).until(() -> count("sent") == 1);
		assertThat(
				this.mongo.count(Query.query(Criteria.where("registration").is(registration)), "notifications").block())
			.isZero();
	}

	@Test
	void replayedEventsFeedTheReadModelButSendNothingHoweverRecent() {
		String template = emailTemplate("Backfilled");
		post("/api/events/{e}/notification-triggers",
				Map.of("name", "On registration", "triggerType", "event", "eventType", "registration-created",
						"templates", List.of(Map.of("channel", "email", "template", template))));
		String registration = Events.newId();
		ObjectNode replayed = Events.fresh("registration-created", this.eventId, registration,
				"replayed." + registration + "@example.com");
		replayed.put("atlasreplay", true);
		Events.publish(this.kafka, Topics.REGISTRATIONS, replayed);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.mongo.findById(registration, Document.class, "registrations").block() != null);
		String marker = Events.newId();
		Events.publish(this.kafka, Topics.REGISTRATIONS,
				Events.fresh("registration-created", this.eventId, marker, "live." + marker + "@example.com"));
		await().atMost(Duration.ofSeconds(20)).until(() -> count("sent") == 1);
		assertThat(
				this.mongo.count(Query.query(Criteria.where("registration").is(registration)), "notifications").block())
			.isZero();
	}

	@Test
	void runsOnlyTheEventTriggersWhoseConditionsHoldOnThePayload() {
		String paidTemplate = emailTemplate("Receipt");
		String pendingTemplate = emailTemplate("Please pay");
		post("/api/events/{e}/notification-triggers",
				Map.of("name", "Paid", "triggerType", "event", "eventType", "registration-created", "conditions",
						List.of(Map.of("field", "registration.paymentStatus", "operator", "equals", "value", "paid"),
								Map.of("field", "registration.customFields.mciNumber", "operator", "exists")),
						"templates", List.of(Map.of("channel", "email", "template", paidTemplate))));
		post("/api/events/{e}/notification-triggers",
				Map.of("name", "Pending", "triggerType", "event", "eventType", "registration-created", "conditions",
						List.of(Map.of("field", "registration.paymentStatus", "operator", "equals", "value",
								"pending")),
						"templates", List.of(Map.of("channel", "email", "template", pendingTemplate))));
		String registration = Events.newId();
		Events.publish(this.kafka, Topics.REGISTRATIONS, Events.fresh("registration-created", this.eventId,
				registration, "cond." + registration + "@example.com"));
		await().atMost(Duration.ofSeconds(20)).until(() -> count("sent") == 1);
		Document sent = this.mongo
			.findOne(Query.query(Criteria.where("event").is(this.eventId)), Document.class, "notifications")
			.block();
		assertThat(sent.getString("template")).isEqualTo(paidTemplate);
		assertThat(this.mongo.count(Query.query(Criteria.where("event").is(this.eventId)), "notifications").block())
			.isEqualTo(1);
	}

	@Test
	void firesEachScheduledOccurrenceOnceAcrossReplicasAndSkipsLongMissedOnes() {
		// Five minutes after a daily 08:00 occurrence, whatever the time of day the test
		// runs (with the real clock it failed between 08:00 and 08:10 UTC, when the next
		// occurrence after the fake due time was today's, already past).
		this.clock.setTime(Instant.parse("2025-11-05T08:05:00Z"));
		registration(Events.newId(), "sched." + this.eventId + "@example.com", "paid", "active");
		String template = emailTemplate("Daily digest");
		String trigger = JsonPath.read(post("/api/events/{e}/notification-triggers",
				Map.of("name", "Daily", "triggerType", "scheduled", "schedule",
						Map.of("type", "recurring", "time", "08:00", "recurring", Map.of("frequency", "daily")),
						"templates", List.of(Map.of("channel", "email", "template", template)))),
				"$.data._id");
		Document stored = this.mongo.findById(trigger, Document.class, "notification_triggers").block();
		assertThat(stored.getDate("nextRunAt")).isAfter(java.util.Date.from(this.clock.instant()));

		// Today's occurrence became due 5 minutes ago (within the 1 h grace): two
		// replicas race.
		Instant due = Instant.parse("2025-11-05T08:00:00Z");
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(trigger)), new Update().set("nextRunAt", due),
					"notification_triggers")
			.block();
		reactor.core.publisher.Flux
			.merge(this.scheduler.runDue(this.clock.instant()), this.scheduler.runDue(this.clock.instant()))
			.blockLast(Duration.ofSeconds(20));
		await().atMost(Duration.ofSeconds(15)).until(() -> count("sent") == 1);
		Document advanced = this.mongo.findById(trigger, Document.class, "notification_triggers").block();
		assertThat(advanced.getDate("nextRunAt").toInstant()).isAfter(this.clock.instant());

		// An occurrence missed by three hours of downtime is recorded and skipped.
		Instant missed = this.clock.instant()
			.minus(Duration.ofHours(3))
			.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(trigger)), new Update().set("nextRunAt", missed),
					"notification_triggers")
			.block();
		this.scheduler.runDue(this.clock.instant()).block(Duration.ofSeconds(20));
		Document occurrence = this.mongo.findById(trigger + "@" + missed, Document.class, "trigger_occurrences")
			.block();
		assertThat(occurrence.getString("status")).isEqualTo("missed");
		assertThat(this.mongo.count(Query.query(Criteria.where("event").is(this.eventId)), "notifications").block())
			.isEqualTo(1);
	}

}
