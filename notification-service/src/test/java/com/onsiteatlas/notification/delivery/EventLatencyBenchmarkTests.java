package com.onsiteatlas.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.notification.Events;
import com.onsiteatlas.notification.NotificationIntegrationTest;
import com.onsiteatlas.notification.Staff;

import static org.awaitility.Awaitility.await;

/**
 * Event-to-SMTP-accept latency: registration-created events published to Kafka at a
 * steady rate, each running a confirmation trigger; latency is from the publication to
 * the notification's {@code sentAt} (set right after the SMTP server accepted the
 * message). Prints p50/p99; run with
 * {@code ./mvnw -pl notification-service test -Dbenchmarks}.
 */
@Tag("benchmark")
class EventLatencyBenchmarkTests extends NotificationIntegrationTest {

	static final int RATE = Integer.getInteger("bench.rate", 20);

	static final int SECONDS = Integer.getInteger("bench.seconds", 30);

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Test
	void eventToSmtpAcceptLatency() throws Exception {
		String eventId = Staff.newEventId();
		var admin = Staff.as(this.client, "admin");
		String template = JsonPath.read(new String(admin.post()
			.uri("/api/events/{e}/notification-templates", eventId)
			.bodyValue(Map.of("name", "Confirmation", "type", "email", "subject", "Welcome to {{eventName}}",
					"contentHtml", "<p>Dear {{firstName}}, your id is {{registrationId}}.</p>[QR_CODE]"))
			.exchange()
			.expectBody()
			.returnResult()
			.getResponseBodyContent(), StandardCharsets.UTF_8), "$.data._id");
		admin.post()
			.uri("/api/events/{e}/notification-triggers", eventId)
			.bodyValue(Map.of("name", "On registration", "triggerType", "event", "eventType", "registration-created",
					"templates", List.of(Map.of("channel", "email", "template", template))))
			.exchange()
			.expectStatus()
			.isCreated();
		// Warm-up: partition assignment, JIT, first SMTP connections are not part of the
		// figure.
		List<String> warm = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String registration = Events.newId();
			warm.add(registration);
			this.kafka.send(Topics.REGISTRATIONS, registration,
					Events.fresh("registration-created", eventId, registration, "warm" + i + "@example.com")
						.toString()
						.getBytes(StandardCharsets.UTF_8));
		}
		await().atMost(Duration.ofMinutes(2))
			.until(() -> this.mongo
				.count(Query.query(Criteria.where("event").is(eventId).and("status").is("sent")), Notification.class)
				.block() == warm.size());
		int total = RATE * SECONDS;
		long intervalNanos = 1_000_000_000L / RATE;
		List<String> registrations = new ArrayList<>();
		Map<String, Instant> published = new java.util.HashMap<>();
		long start = System.nanoTime();
		long next = start;
		for (int i = 0; i < total; i++) {
			while (System.nanoTime() < next) {
				Thread.onSpinWait();
			}
			next += intervalNanos;
			String registration = Events.newId();
			ObjectNode event = Events.fresh("registration-created", eventId, registration, "lat" + i + "@example.com");
			published.put(registration, Instant.now());
			this.kafka.send(Topics.REGISTRATIONS, registration, event.toString().getBytes(StandardCharsets.UTF_8));
			registrations.add(registration);
		}
		Query sent = Query
			.query(Criteria.where("event").is(eventId).and("status").is("sent").and("registration").in(registrations));
		await().atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> this.mongo.count(sent, Notification.class).block() == total);
		double drained = (System.nanoTime() - start) / 1e9;
		List<Long> latencies = this.mongo.find(sent, Notification.class)
			.map((n) -> Duration.between(published.get(n.registration()), n.sentAt()).toMillis())
			.sort()
			.collectList()
			.block();
		List<Long> recorded = this.mongo.find(sent, Notification.class)
			.map((n) -> Duration.between(published.get(n.registration()), n.createdAt()).toMillis())
			.sort()
			.collectList()
			.block();
		System.out.printf("BENCHMARK   of which event-to-recorded (consumer): p50 %d ms, p99 %d ms%n",
				pct(recorded, 50), pct(recorded, 99));
		System.out.printf(
				"BENCHMARK event-to-SMTP-accept: %d events at %d/s: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
				total, RATE, pct(latencies, 50), pct(latencies, 90), pct(latencies, 99),
				latencies.get(latencies.size() - 1));
	}

	private static long pct(List<Long> sorted, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

}
