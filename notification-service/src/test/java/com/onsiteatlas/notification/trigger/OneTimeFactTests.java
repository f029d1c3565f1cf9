package com.onsiteatlas.notification.trigger;

import java.nio.charset.StandardCharsets;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A one-time fact published twice under two envelope ids (a producer's own retry) sends
 * once per trigger, recipient and channel (issue 12, section 5).
 */
class OneTimeFactTests extends NotificationIntegrationTest {

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	String eventId;

	WebTestClient admin;

	@BeforeEach
	void setUp() {
		this.eventId = Staff.newEventId();
		this.admin = Staff.as(this.client, "admin");
	}

	void trigger(String eventType) {
		byte[] created = this.admin.post()
			.uri("/api/events/{e}/notification-templates", this.eventId)
			.bodyValue(Map.of("name", eventType, "type", "email", "subject", eventType, "contentHtml",
					"<p>Hello {{firstName}}</p>", "transactional", true))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
		String template = JsonPath.read(new String(created, StandardCharsets.UTF_8), "$.data._id");
		this.admin.post()
			.uri("/api/events/{e}/notification-triggers", this.eventId)
			.bodyValue(Map.of("name", "On " + eventType, "triggerType", "event", "eventType", eventType, "templates",
					List.of(Map.of("channel", "email", "template", template))))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	long notifications(String registration) {
		return this.mongo
			.count(Query.query(Criteria.where("event").is(this.eventId).and("registration").is(registration)),
					"notifications")
			.block();
	}

	long notifications() {
		return this.mongo.count(Query.query(Criteria.where("event").is(this.eventId)), "notifications").block();
	}

	@Test
	void aRegistrationCreatedTwiceUnderTwoEnvelopeIdsIsWelcomedOnce() {
		trigger("registration-created");
		String registration = Events.newId();
		ObjectNode first = Events.fresh("registration-created", this.eventId, registration,
				"twice." + registration + "@example.com");
		ObjectNode retried = first.deepCopy();
		retried.put("id", java.util.UUID.randomUUID().toString());
		Events.publish(this.kafka, Topics.REGISTRATIONS, first);
		Events.publish(this.kafka, Topics.REGISTRATIONS, retried);
		// A later registration on the same (single-partition) topic: once it is queued,
		// both
		// copies before it have been handled.
		String marker = Events.newId();
		Events.publish(this.kafka, Topics.REGISTRATIONS,
				Events.fresh("registration-created", this.eventId, marker, "marker." + marker + "@example.com"));

		await().atMost(Duration.ofSeconds(20)).until(() -> notifications(marker) == 1);
		assertThat(notifications(registration)).isEqualTo(1);
	}

	@Test
	void eachPaymentIsAcknowledgedOnceHoweverOftenItIsPublished() {
		trigger("payment-received");
		String registration = Events.newId();
		String email = "pays." + registration + "@example.com";
		ObjectNode payment = Events.fresh("payment-received", this.eventId, registration, email);
		((ObjectNode) payment.get("data")).put("paymentId", Events.newId());
		ObjectNode samePaymentAgain = payment.deepCopy();
		samePaymentAgain.put("id", java.util.UUID.randomUUID().toString());
		ObjectNode secondPayment = Events.fresh("payment-received", this.eventId, registration, email);
		((ObjectNode) secondPayment.get("data")).put("paymentId", Events.newId());
		Events.publish(this.kafka, Topics.PAYMENTS, payment);
		Events.publish(this.kafka, Topics.PAYMENTS, samePaymentAgain);
		Events.publish(this.kafka, Topics.PAYMENTS, secondPayment);
		String marker = Events.newId();
		ObjectNode markerPayment = Events.fresh("payment-received", this.eventId, marker,
				"marker." + marker + "@example.com");
		((ObjectNode) markerPayment.get("data")).put("paymentId", Events.newId());
		Events.publish(this.kafka, Topics.PAYMENTS, markerPayment);

		await().atMost(Duration.ofSeconds(20)).until(() -> notifications(marker) == 1);
		assertThat(notifications(registration)).as("one per payment").isEqualTo(2);
		assertThat(notifications()).isEqualTo(3);
	}

}
