package com.onsiteatlas.reporting.readmodel;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.reporting.ReportingIntegrationTest;
import com.onsiteatlas.support.messaging.DomainEventConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The projection's status per topic: the lag of the newest applied event (also as a
 * gauge) and the records not yet consumed. Moved from the builder's tests (issue 13 item
 * 10): it tests the read model, not the builder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionStatusTests extends ReportingIntegrationTest {

	private final String eventId = new ObjectId().toHexString();

	@Autowired
	MeterRegistry meters;

	@Autowired
	DomainEventConsumer consumer;

	private final String registrationId = new ObjectId().toHexString();

	/** A golden sample moved to this test's event, with fresh aggregate ids. */
	private ObjectNode sample(String type) {
		ObjectNode envelope = golden(type);
		ObjectNode data = (ObjectNode) envelope.get("data");
		envelope.put("eventid", this.eventId);
		if (data.has("event")) {
			((ObjectNode) data.get("event")).put("_id", this.eventId);
		}
		if (data.has("eventId")) {
			data.put("eventId", this.eventId);
		}
		if (data.has("registration")) {
			((ObjectNode) data.get("registration")).put("_id", this.registrationId);
		}
		for (String key : List.of("paymentId", "resourceId", "notificationId")) {
			if (data.has(key)) {
				data.put(key, new ObjectId().toHexString());
			}
		}
		for (String key : List.of("abstract", "booking", "travel", "sponsor")) {
			if (data.has(key)) {
				((ObjectNode) data.get(key)).put("_id", new ObjectId().toHexString());
			}
		}
		return envelope;
	}

	@Test
	void reportsProjectionLagPerTopic() {
		// Events an hour and a minute old, then an older redelivery: the lag is the age
		// of the newest applied event.
		Instant hourAgo = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
		paymentAt(hourAgo);
		awaitLastPaymentEvent(hourAgo);
		assertThat(lagSeconds()).isBetween(3600.0, 3660.0);
		assertThat(lagGauge()).isBetween(3600.0, 3660.0);
		Instant minuteAgo = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MILLIS);
		paymentAt(minuteAgo);
		awaitLastPaymentEvent(minuteAgo);
		assertThat(lagSeconds()).isBetween(60.0, 120.0);
		assertThat(lagGauge()).isBetween(60.0, 120.0);
		long applied = appliedPayments();
		paymentAt(hourAgo.minus(Duration.ofHours(1)));
		await().atMost(Duration.ofSeconds(30)).until(() -> appliedPayments() == applied + 1);
		assertThat(Instant.parse((String) topicStatus().get("lastEventTime"))).isEqualTo(minuteAgo);
		assertThat(lagSeconds()).isBetween(60.0, 120.0);
	}

	@Test
	void countsTheRecordsTheProjectionHasNotConsumedPerTopic() {
		await().atMost(Duration.ofSeconds(30)).until(() -> recordsBehind(Topics.SPONSORS) == 0);
		ConcurrentMessageListenerContainer<Object, Object> container = this.consumer.container();
		container.pause();
		try {
			await().atMost(Duration.ofSeconds(30)).until(container::isContainerPaused);
			String otherEvent = new ObjectId().toHexString();
			for (int i = 0; i < 3; i++) {
				ObjectNode sponsor = sample("sponsor-created");
				sponsor.put("eventid", otherEvent);
				((ObjectNode) sponsor.get("data").get("event")).put("_id", otherEvent);
				send(Topics.SPONSORS, "behind-" + i, sponsor);
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> recordsBehind(Topics.SPONSORS) == 3);
		}
		finally {
			container.resume();
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> recordsBehind(Topics.SPONSORS) == 0);
	}

	@SuppressWarnings("unchecked")
	private long recordsBehind(String topic) {
		Map<String, Object> answer = as("staff").get()
			.uri("/api/reports/projection-status")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<String, Object> status = (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get(topic);
		return ((Number) status.get("recordsBehind")).longValue();
	}

	/**
	 * A payment of another conference and registration, so that this class's reports
	 * stay.
	 */
	private void paymentAt(Instant time) {
		ObjectNode payment = sample("payment-received");
		String otherEvent = new ObjectId().toHexString();
		payment.put("time", time.toString()).put("eventid", otherEvent);
		ObjectNode data = (ObjectNode) payment.get("data");
		data.put("occurredAt", time.toString());
		if (data.has("event")) {
			((ObjectNode) data.get("event")).put("_id", otherEvent);
		}
		if (data.has("eventId")) {
			data.put("eventId", otherEvent);
		}
		// A payment also updates its registration's row: another registration, too.
		String otherRegistration = new ObjectId().toHexString();
		((ObjectNode) data.get("registration")).put("_id", otherRegistration);
		send(Topics.PAYMENTS, otherRegistration, payment);
	}

	private void awaitLastPaymentEvent(Instant time) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(Instant.parse((String) topicStatus().get("lastEventTime"))).isEqualTo(time));
	}

	private double lagSeconds() {
		return ((Number) topicStatus().get("lagSeconds")).doubleValue();
	}

	private long appliedPayments() {
		return ((Number) topicStatus().get("appliedSinceStart")).longValue();
	}

	private double lagGauge() {
		return this.meters.get("atlas.reporting.projection.lag").tag("topic", Topics.PAYMENTS).gauge().value();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> topicStatus() {
		Map<String, Object> answer = as("staff").get()
			.uri("/api/reports/projection-status")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get(Topics.PAYMENTS);
	}

}
