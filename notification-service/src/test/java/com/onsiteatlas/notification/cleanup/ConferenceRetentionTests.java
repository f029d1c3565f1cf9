package com.onsiteatlas.notification.cleanup;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.notification.Events;
import com.onsiteatlas.notification.NotificationIntegrationTest;
import com.onsiteatlas.notification.Staff;
import com.onsiteatlas.support.retention.DeletedConferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * event-deleted with a retention window (issue 15 item 5): the conference answers 410 and
 * sends nothing, its data stays until an admin restores it; an event-deleted from a
 * producer that may not publish conference events deletes nothing.
 * <p>
 * The service's test context runs with a zero window (the purge follows within 200 ms),
 * so the deleted-but-kept state is set up with a 30-day tombstone written directly; the
 * way from event-deleted to the tombstone is service-support's
 * {@code ConferenceRetentionTests}.
 */
class ConferenceRetentionTests extends NotificationIntegrationTest {

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	DeletedConferences deleted;

	String eventId;

	WebTestClient admin;

	@BeforeEach
	void setUp() {
		this.eventId = Staff.newEventId();
		this.admin = Staff.as(this.client, "admin");
	}

	@Test
	void deletedConferenceAnswersGoneAndSendsNothingUntilRestored() {
		String template = emailTemplate("Welcome");
		post("/api/events/{e}/notification-triggers",
				Map.of("name", "On registration", "triggerType", "event", "eventType", "registration-created",
						"templates", List.of(Map.of("channel", "email", "template", template))));

		new DeletedConferences(this.mongo, Clock.systemUTC(), Duration.ofDays(30)).markDeleted(this.eventId).block();
		templates(this.eventId).expectStatus().isEqualTo(410);

		String registration = Events.newId();
		Events.publish(this.kafka, Topics.REGISTRATIONS, Events.fresh("registration-created", this.eventId,
				registration, "late." + registration + "@example.com"));
		await().atMost(Duration.ofSeconds(20)).until(() -> count("skipped") == 1);
		assertThat(count("sent")).isZero();
		assertThat(this.mongo
			.findOne(Query.query(Criteria.where("event").is(this.eventId)), org.bson.Document.class, "notifications")
			.block()
			.toJson()).contains("CONFERENCE_DELETED");
		assertThat(this.mongo.count(Query.query(Criteria.where("event").is(this.eventId)), "notification_templates")
			.block()).isEqualTo(1);

		this.admin.post()
			.uri("/api/events/{e}/retention/notification-service/restore", this.eventId)
			.exchange()
			.expectStatus()
			.isOk();
		templates(this.eventId).expectStatus().isOk().expectBody().jsonPath("$.data[0]._id").isEqualTo(template);
	}

	@Test
	void eventDeletedFromAnotherProducerDeletesNothing() {
		String template = emailTemplate("Kept");
		String marker = Staff.newEventId();

		publishDeleted(this.eventId, "/onsite-atlas/lodging-travel-service");
		publishDeleted(marker, "/onsite-atlas/events");

		// Same partition order: once the genuine deletion is recorded the forged one was
		// consumed; accepted, it would have been purged at once (zero window here).
		await().atMost(Duration.ofSeconds(20)).until(() -> this.deleted.isDeleted(marker).block());
		assertThat(this.deleted.isDeleted(this.eventId).block()).isFalse();
		templates(this.eventId).expectStatus().isOk().expectBody().jsonPath("$.data[0]._id").isEqualTo(template);
	}

	private void publishDeleted(String conference, String source) {
		ObjectNode deleted = Events.fresh("event-deleted", conference, null, null);
		((ObjectNode) deleted.get("data")).put("eventId", conference);
		deleted.put("subject", conference).put("source", source);
		Events.publish(this.kafka, Topics.EVENTS, deleted);
	}

	private WebTestClient.ResponseSpec templates(String conference) {
		return this.admin.get().uri("/api/events/{e}/notification-templates", conference).exchange();
	}

	private long count(String status) {
		return this.mongo
			.count(Query.query(Criteria.where("event").is(this.eventId).and("status").is(status)), "notifications")
			.block();
	}

	private String post(String uri, Map<String, Object> body) {
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

	private String emailTemplate(String subject) {
		return JsonPath.read(post("/api/events/{e}/notification-templates", Map.of("name", subject, "type", "email",
				"subject", subject, "contentHtml", "<p>Hello {{firstName}}</p>", "transactional", false)),
				"$.data._id");
	}

}
