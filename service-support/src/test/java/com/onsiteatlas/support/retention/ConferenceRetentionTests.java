package com.onsiteatlas.support.retention;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.support.SupportIntegrationTest;
import com.onsiteatlas.support.testing.IdentityTokens;
import com.onsiteatlas.support.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Soft deletion of a conference through the real consumer and API: event-deleted hides it
 * (410) without removing anything, an admin restores it, the purge pass removes it only
 * after the window, a replayed deletion keeps the first window, and a forged
 * event-deleted from a source that may not publish on {@code atlas.events} does nothing.
 */
class ConferenceRetentionTests extends SupportIntegrationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	DeletedConferences deleted;

	@Autowired
	ReactiveMongoTemplate mongo;

	@LocalServerPort
	int port;

	WebTestClient client;

	@BeforeEach
	void client() {
		this.client = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void deletedConferenceAnswersGoneUntilAnAdminRestoresIt() throws Exception {
		String eventId = new ObjectId().toHexString();
		widgets(eventId).expectStatus().isOk();

		sendDeleted(eventId, "/onsite-atlas/events");

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.deleted.isDeleted(eventId).block()).isTrue());
		widgets(eventId).expectStatus()
			.isEqualTo(410)
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false)
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains(eventId).contains("restore"));

		this.client.post()
			.uri("/api/events/{e}/retention/support-test/restore", eventId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + IdentityTokens.staff("manager"))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.post()
			.uri("/api/events/{e}/retention/support-test/restore", eventId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + IdentityTokens.staff("admin"))
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(this.deleted.isDeleted(eventId).block()).isFalse();
		widgets(eventId).expectStatus().isOk();
		this.client.post()
			.uri("/api/events/{e}/retention/support-test/restore", eventId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + IdentityTokens.staff("admin"))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void forgedEventDeletedFromAnotherProducerDeletesNothing() throws Exception {
		String forged = new ObjectId().toHexString();
		String genuine = new ObjectId().toHexString();
		sendDeleted(forged, "/onsite-atlas/lodging-travel-service");
		sendDeleted(genuine, "/onsite-atlas/events");

		// Same topic and partition order: once the genuine one is applied, the forged one
		// was consumed before it.
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.deleted.isDeleted(genuine).block()).isTrue());
		assertThat(this.deleted.isDeleted(forged).block()).isFalse();
		widgets(forged).expectStatus().isOk();
	}

	@Test
	void purgesOnlyAfterTheWindowAndAReplayedDeletionKeepsTheFirstWindow() {
		MutableClock clock = new MutableClock();
		Instant deletedAt = Instant.parse("2026-05-01T10:00:00Z");
		clock.setTime(deletedAt);
		DeletedConferences tombstones = new DeletedConferences(this.mongo, clock, Duration.ofDays(30));
		List<String> purged = new CopyOnWriteArrayList<>();
		ConferencePurgeWorker worker = new ConferencePurgeWorker(tombstones, List.of((eventId) -> {
			purged.add(eventId);
			return Mono.empty();
		}), new RetentionProperties(Duration.ofDays(30), Duration.ofHours(1), false));
		String eventId = new ObjectId().toHexString();

		DeletedConference first = tombstones.markDeleted(eventId).block();
		clock.setTime(deletedAt.plus(Duration.ofDays(10)));
		DeletedConference replayed = tombstones.markDeleted(eventId).block();

		assertThat(Duration.between(deletedAt, first.deletedAt())).isLessThan(Duration.ofMinutes(1));
		assertThat(first.purgeAfter()).isEqualTo(first.deletedAt().plus(Duration.ofDays(30)));
		assertThat(replayed.purgeAfter()).isEqualTo(first.purgeAfter());
		assertThat(replayed.deletedAt()).isEqualTo(first.deletedAt());

		clock.setTime(first.purgeAfter().minusSeconds(60));
		worker.purgeDue().block();
		assertThat(purged).doesNotContain(eventId);
		assertThat(tombstones.find(eventId).block().status()).isEqualTo(TombstoneStatus.DELETED);

		clock.setTime(first.purgeAfter());
		worker.purgeDue().block();
		assertThat(purged).containsOnlyOnce(eventId);
		assertThat(tombstones.find(eventId).block().status()).isEqualTo(TombstoneStatus.PURGED);

		worker.purgeDue().block();
		assertThat(purged).containsOnlyOnce(eventId);
		assertThatThrownBy(() -> tombstones.restore(eventId).block()).isInstanceOf(ConferenceRestoreException.class)
			.hasMessageContaining("purged");
	}

	private WebTestClient.ResponseSpec widgets(String eventId) {
		return this.client.get()
			.uri("/api/events/{e}/widgets", eventId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + IdentityTokens.staff("admin"))
			.exchange();
	}

	private void sendDeleted(String eventId, String source) throws Exception {
		ObjectNode envelope;
		try (InputStream in = getClass().getResourceAsStream("/golden/event-deleted.v1.json")) {
			envelope = (ObjectNode) JSON.readTree(in);
		}
		envelope.put("id", UUID.randomUUID().toString()).put("source", source).put("subject", eventId);
		((ObjectNode) envelope.get("data")).put("eventId", eventId);
		if (envelope.has("eventid")) {
			envelope.put("eventid", eventId);
		}
		this.kafka.send(Topics.EVENTS, eventId, JSON.writeValueAsBytes(envelope)).get(10, TimeUnit.SECONDS);
	}

}
