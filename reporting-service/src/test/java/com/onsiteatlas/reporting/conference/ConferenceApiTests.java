package com.onsiteatlas.reporting.conference;

import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.reporting.ReportingIntegrationTest;
import com.onsiteatlas.readmodel.ConferenceView;
import com.onsiteatlas.support.testing.IdentityTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The conference list and details the console's picker reads, from the projection of
 * event-created/updated/deleted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConferenceApiTests extends ReportingIntegrationTest {

	/** A word only this test's conferences have in their names. */
	@Autowired
	ReactiveMongoTemplate mongo;

	private final String tag = "Zq" + UUID.randomUUID().toString().substring(0, 8);

	private final String older = new ObjectId().toHexString();

	private final String newer = new ObjectId().toHexString();

	private final String deleted = new ObjectId().toHexString();

	private ObjectNode created(String id, String name, String start) {
		ObjectNode envelope = golden("event-created");
		envelope.put("eventid", id).put("subject", id);
		ObjectNode event = (ObjectNode) envelope.get("data").get("event");
		event.put("_id", id).put("name", name).put("startDate", start);
		return envelope;
	}

	@BeforeAll
	void conferencesArrive() {
		send(Topics.EVENTS, this.older, created(this.older, "Older " + this.tag + " congress", "2025-03-01T03:30:00Z"));
		send(Topics.EVENTS, this.newer,
				created(this.newer, "नई " + this.tag.toUpperCase() + " summit", "2026-11-14T03:30:00Z"));
		send(Topics.EVENTS, this.deleted, created(this.deleted, "Gone " + this.tag, "2026-01-01T00:00:00Z"));
		ObjectNode gone = golden("event-deleted");
		gone.put("eventid", this.deleted).put("subject", this.deleted);
		((ObjectNode) gone.get("data")).put("eventId", this.deleted).put("occurredAt", "2030-01-01T00:00:00Z");
		send(Topics.EVENTS, this.deleted, gone);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Boolean.TRUE
				.equals(this.mongo.findById(this.deleted, ConferenceView.class).map(ConferenceView::deleted).block()));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> as("admin").get()
				.uri("/api/reports/conferences?search=" + this.tag)
				.exchange()
				.expectBody()
				.jsonPath("$.meta.pagination.total")
				.isEqualTo(2));
	}

	@Test
	void listsByNameCaseInsensitivelyNewestFirstWithPaging() {
		as("staff").get()
			.uri("/api/reports/conferences?search=" + this.tag.toLowerCase() + "&limit=1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(true)
			.jsonPath("$.data.length()")
			.isEqualTo(1)
			.jsonPath("$.data[0]._id")
			.isEqualTo(this.newer)
			.jsonPath("$.data[0].timezone")
			.isEqualTo("Asia/Kolkata")
			.jsonPath("$.data[0].venue.city")
			.isEqualTo("Bengaluru")
			.jsonPath("$.data[0].status")
			.isEqualTo("published")
			.jsonPath("$.data[0].sender")
			.doesNotExist()
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(2)
			.jsonPath("$.meta.pagination.hasNextPage")
			.isEqualTo(true);
		as("manager").get()
			.uri("/api/reports/conferences?search=" + this.tag + "&page=2&limit=1")
			.exchange()
			.expectBody()
			.jsonPath("$.data[0]._id")
			.isEqualTo(this.older);
	}

	@Test
	void showsOneConferenceOr404Or400() {
		as("staff").get()
			.uri("/api/reports/conferences/" + this.newer)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.name")
			.isEqualTo("नई " + this.tag.toUpperCase() + " summit")
			.jsonPath("$.data.startDate")
			.isEqualTo("2026-11-14T03:30:00Z");
		as("admin").get()
			.uri("/api/reports/conferences/" + new ObjectId().toHexString())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("not found"));
		as("admin").get().uri("/api/reports/conferences/" + this.deleted).exchange().expectStatus().isNotFound();
		as("admin").get()
			.uri("/api/reports/conferences/not-an-id")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("eventId"));
	}

	@Test
	void aTokenBoundToOneConferenceSeesOnlyThatOne() {
		WebTestClient bound = client().mutate()
			.defaultHeader(HttpHeaders.AUTHORIZATION,
					"Bearer " + IdentityTokens.of(new ObjectId().toHexString(), "staff", "manager", this.older))
			.build();
		bound.get()
			.uri("/api/reports/conferences?search=" + this.tag)
			.exchange()
			.expectBody()
			.jsonPath("$.data.length()")
			.isEqualTo(1)
			.jsonPath("$.data[0]._id")
			.isEqualTo(this.older);
		bound.get().uri("/api/reports/conferences/" + this.newer).exchange().expectStatus().isNotFound();
		bound.get().uri("/api/reports/conferences/" + this.older).exchange().expectStatus().isOk();
	}

	@Test
	void refusesRegistrantsAndAnonymousCallers() {
		client().get().uri("/api/reports/conferences").exchange().expectStatus().isUnauthorized();
		client().mutate()
			.defaultHeader(HttpHeaders.AUTHORIZATION,
					"Bearer " + IdentityTokens.registrant(new ObjectId().toHexString(), this.newer))
			.build()
			.get()
			.uri("/api/reports/conferences/" + this.newer)
			.exchange()
			.expectStatus()
			.isForbidden();
	}

}
