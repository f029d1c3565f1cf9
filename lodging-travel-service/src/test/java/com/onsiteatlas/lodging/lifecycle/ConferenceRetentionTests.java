package com.onsiteatlas.lodging.lifecycle;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.lodging.LodgingTravelIntegrationTest;
import com.onsiteatlas.support.retention.DeletedConferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * event-deleted with a retention window (issue 15 item 5): the conference's lodging API
 * answers 410 while its hotels and bookings stay stored, an admin restore brings them
 * back; an event-deleted from a producer that may not publish conference events deletes
 * nothing.
 * <p>
 * The service's test context runs with a zero window (the purge follows within 200 ms),
 * so the deleted-but-kept state is set up with a 30-day tombstone written directly; the
 * way from event-deleted to the tombstone is service-support's
 * {@code ConferenceRetentionTests}.
 */
class ConferenceRetentionTests extends LodgingTravelIntegrationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	DeletedConferences deleted;

	@Test
	void deletedConferenceAnswersGoneUntilAnAdminRestoresItsData() throws Exception {
		String eventId = newId();
		seedConference(eventId, "2027-01-20", "2027-01-22");
		String hotelId = createHotel(eventId, "Taj");
		String registration = seedRegistration(eventId, "Priya", "Sharma", "REG-0001");
		createBooking(eventId, registration, hotelId, "2027-01-20", "2027-01-22");

		new DeletedConferences(this.mongo, Clock.systemUTC(), Duration.ofDays(30)).markDeleted(eventId).block();
		get("/api/events/" + eventId + "/hotels", staff("staff")).exchange().expectStatus().isEqualTo(410);
		get("/api/events/" + eventId + "/hotel-bookings", staff("admin")).exchange().expectStatus().isEqualTo(410);

		post("/api/events/" + eventId + "/retention/lodging-travel-service/restore", staff("manager"), Map.of())
			.exchange()
			.expectStatus()
			.isForbidden();
		post("/api/events/" + eventId + "/retention/lodging-travel-service/restore", staff("admin"), Map.of())
			.exchange()
			.expectStatus()
			.isOk();

		get("/api/events/" + eventId + "/hotels", staff("staff")).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(1);
		get("/api/events/" + eventId + "/hotel-bookings", staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(1);
	}

	@Test
	void eventDeletedFromAnotherProducerDeletesNothing() throws Exception {
		String eventId = newId();
		seedConference(eventId, "2027-01-20", "2027-01-22");
		createHotel(eventId, "Taj");
		String marker = newId();

		sendDeleted(eventId, "/onsite-atlas/notification-service");
		sendDeleted(marker, "/onsite-atlas/events");

		// Same partition order: once the genuine deletion is recorded the forged one was
		// consumed; accepted, it would have been purged at once (zero window here).
		await().atMost(Duration.ofSeconds(30)).until(() -> this.deleted.isDeleted(marker).block());
		assertThat(this.deleted.isDeleted(eventId).block()).isFalse();
		get("/api/events/" + eventId + "/hotels", staff("staff")).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(1);
	}

	private void sendDeleted(String eventId, String source) throws Exception {
		ObjectNode envelope;
		try (InputStream in = getClass().getResourceAsStream("/golden/event-deleted.v1.json")) {
			envelope = (ObjectNode) JSON.readTree(in);
		}
		envelope.put("id", UUID.randomUUID().toString())
			.put("source", source)
			.put("eventid", eventId)
			.put("subject", eventId);
		((ObjectNode) envelope.get("data")).put("eventId", eventId);
		this.kafka.send(Topics.EVENTS, eventId, JSON.writeValueAsBytes(envelope)).get(10, TimeUnit.SECONDS);
	}

}
