package com.onsiteatlas.notification.delivery;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;

import com.onsiteatlas.notification.Events;
import com.onsiteatlas.notification.NotificationIntegrationTest;
import com.onsiteatlas.notification.Staff;
import com.onsiteatlas.support.testing.IdentityTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status became an enum without changing what is stored or shown: documents written
 * before (lower-case strings) still read, new ones are written the same way, and the
 * delivery log still filters and answers with the lower-case values.
 */
class NotificationStatusStoreTests extends NotificationIntegrationTest {

	@Test
	void readsAndWritesTheLowerCaseValuesOfEarlierDocuments() {
		String eventId = Staff.newEventId();
		String earlier = Events.newId();
		this.mongo
			.insert(new Document("_id", new ObjectId(earlier)).append("event", eventId)
				.append("channel", "email")
				.append("status", "failed")
				.append("dedupKey", "earlier|" + earlier)
				.append("attemptCount", 1)
				.append("testMode", false)
				.append("transactional", true)
				.append("createdAt", java.util.Date.from(Instant.parse("2025-06-01T10:00:00Z"))), "notifications")
			.block();
		assertThat(this.mongo.findById(earlier, Notification.class).block().status())
			.isEqualTo(NotificationStatus.FAILED);

		String written = Events.newId();
		Instant now = this.clock.instant();
		this.mongo
			.insert(new Notification(written, eventId, null, null, null, null, "email",
					new Notification.Recipient("A", "a@example.com", null), null, NotificationStatus.SKIPPED, null,
					"NO_ADDRESS", null, now, now, "written|" + written, "send", 0, List.of(), now, null, null, null,
					null, null, false, null, true, null, List.of()))
			.block();
		assertThat(this.mongo.findById(written, Document.class, "notifications").block().getString("status"))
			.isEqualTo("skipped");
		assertThat(this.mongo
			.count(Query.query(Criteria.where("event").is(eventId).and("status").is("skipped")), Notification.class)
			.block()).isEqualTo(1);

		Staff.as(this.client, "staff")
			.get()
			.uri("/api/events/{e}/notifications?status=failed", eventId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.length()")
			.isEqualTo(1)
			.jsonPath("$.data[0]._id")
			.isEqualTo(earlier)
			.jsonPath("$.data[0].status")
			.isEqualTo("failed");
		Staff.as(this.client, "staff")
			.get()
			.uri("/api/events/{e}/notifications?status=FAILED", eventId)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("'status' must be one of pending, sent, failed, skipped, cancelled");
	}

	@Test
	void describesTheStatusWithItsLowerCaseValuesInTheApiDocument() {
		this.client.get()
			.uri("/v3/api-docs")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + IdentityTokens.gateway())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.schemas.Notification.properties.status.enum")
			.isEqualTo(List.of("pending", "sent", "failed", "skipped", "cancelled"));
	}

}
