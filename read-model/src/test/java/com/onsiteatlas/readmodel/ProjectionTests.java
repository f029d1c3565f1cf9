package com.onsiteatlas.readmodel;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.support.security.RegistrantRegistrations.RegistrantRegistration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The registration and conference read models every service can turn on.
 */
class ProjectionTests extends ReadModelIntegrationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	Directory directory;

	private ObjectNode golden(String type) throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/golden/" + type + ".v1.json")) {
			ObjectNode envelope = (ObjectNode) JSON.readTree(in);
			envelope.put("id", UUID.randomUUID().toString());
			return envelope;
		}
	}

	private ObjectNode registrationEvent(String type, String id, String eventId, String status, Instant at)
			throws Exception {
		ObjectNode envelope = golden(type);
		ObjectNode data = (ObjectNode) envelope.get("data");
		((ObjectNode) data.get("event")).put("_id", eventId);
		ObjectNode registration = (ObjectNode) data.get("registration");
		registration.put("_id", id).put("status", status);
		data.put("occurredAt", at.toString());
		envelope.put("subject", id);
		return envelope;
	}

	private void send(String topic, String key, ObjectNode envelope) throws Exception {
		this.kafka.send(topic, key, JSON.writeValueAsBytes(envelope)).get(10, TimeUnit.SECONDS);
	}

	@Test
	void keepsTheNewestRegistrationStateAndIgnoresOlderEvents() throws Exception {
		String id = new ObjectId().toHexString();
		String eventId = new ObjectId().toHexString();
		Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
		send(Topics.REGISTRATIONS, id, registrationEvent("registration-created", id, eventId, "active", t0));
		send(Topics.REGISTRATIONS, id,
				registrationEvent("registration-cancelled", id, eventId, "cancelled", t0.plusSeconds(60)));
		send(Topics.REGISTRATIONS, id,
				registrationEvent("registration-updated", id, eventId, "active", t0.plusSeconds(30)));
		ObjectNode checkIn = registrationEvent("check-in-completed", id, eventId, "cancelled", t0.plusSeconds(120));
		send(Topics.REGISTRATIONS, id, checkIn);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			RegistrationView view = this.directory.registration(eventId, id).block();
			assertThat(view).isNotNull();
			assertThat(view.checkIn()).isNotNull();
			assertThat(view.checkIn().isCheckedIn()).isTrue();
			assertThat(view.status()).isEqualTo("cancelled");
			assertThat(view.lastEventTime()).isEqualTo(t0.plusSeconds(120));
			assertThat(view.firstSeenAt()).isEqualTo(t0);
			assertThat(view.searchText()).contains(view.registrationId().toLowerCase());
		});
		assertThat(this.directory.registration(new ObjectId().toHexString(), id).block())
			.as("another event's registration is not visible")
			.isNull();
	}

	@Test
	void tellsSecurityWhereARegistrantMayReachAndLosesItOnCancellation() throws Exception {
		String id = new ObjectId().toHexString();
		String eventId = new ObjectId().toHexString();
		Instant t0 = Instant.parse("2026-03-03T10:00:00Z");
		assertThat(this.directory.registrant(id).block()).as("not heard of yet").isNull();
		send(Topics.REGISTRATIONS, id, registrationEvent("registration-created", id, eventId, "active", t0));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.directory.registrant(id).block())
				.isEqualTo(new RegistrantRegistration(eventId, true)));
		send(Topics.REGISTRATIONS, id,
				registrationEvent("registration-cancelled", id, eventId, "cancelled", t0.plusSeconds(60)));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.directory.registrant(id).block())
				.isEqualTo(new RegistrantRegistration(eventId, false)));
	}

	@Test
	void recordsWorkshopSignUps() throws Exception {
		String id = new ObjectId().toHexString();
		String eventId = new ObjectId().toHexString();
		send(Topics.REGISTRATIONS, id,
				registrationEvent("workshop-registered", id, eventId, "active", Instant.parse("2026-03-02T10:00:00Z")));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			RegistrationView view = this.directory.registration(eventId, id).block();
			assertThat(view).isNotNull();
			assertThat(view.workshops()).hasSize(1);
			assertThat(view.workshops().get(0).title()).isNotBlank();
		});
	}

	@Test
	void tracksConferencesAndTheirDeletion() throws Exception {
		String eventId = new ObjectId().toHexString();
		ObjectNode created = golden("event-created");
		((ObjectNode) created.get("data").get("event")).put("_id", eventId).put("timezone", "Asia/Kolkata");
		((ObjectNode) created.get("data")).put("occurredAt", "2026-03-01T10:00:00.000Z");
		created.put("subject", eventId);
		send(Topics.EVENTS, eventId, created);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			ConferenceView view = this.directory.conference(eventId).block();
			assertThat(view).isNotNull();
			assertThat(view.zone().getId()).isEqualTo("Asia/Kolkata");
			assertThat(view.deleted()).isFalse();
		});
		ObjectNode deleted = golden("event-deleted");
		((ObjectNode) deleted.get("data")).put("eventId", eventId).put("occurredAt", "2026-03-02T10:00:00.000Z");
		deleted.put("subject", eventId);
		send(Topics.EVENTS, eventId, deleted);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.directory.conference(eventId).block().deleted()).isTrue());
	}

}
