package com.onsiteatlas.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.onsiteatlas.domainevents.PersonalInfo;
import com.onsiteatlas.notification.Events;
import com.onsiteatlas.notification.NotificationIntegrationTest;
import com.onsiteatlas.notification.Staff;
import com.onsiteatlas.notification.template.NotificationTemplate;
import com.onsiteatlas.readmodel.RegistrationView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bulk send to a whole conference of 5,000 registrations, streamed from the read model
 * and recorded in chunks, reaches every active registration exactly once. The template is
 * an SMS one and the conference has no SMS settings, so every notification is recorded as
 * skipped ({@code CHANNEL_DISABLED}) at once: the test is about the audience and the
 * recording, and the shared dispatcher is not kept busy sending 5,000 messages (the
 * delivery of a recorded batch is {@link BulkSendsTests}'s).
 */
class LargeAudienceSendTests extends NotificationIntegrationTest {

	private static final int AUDIENCE = 5_000;

	@Test
	void aBulkSendToAFilterOfFiveThousandRegistrationsRecordsOneNotificationPerRegistration() {
		String eventId = Staff.newEventId();
		Instant now = Instant.now();
		NotificationTemplate template = this.mongo
			.insert(new NotificationTemplate(Events.newId(), eventId, "Reminder", null, "sms", null, null,
					"See you {{firstName}}", List.of(), true, true, null, null, now, now))
			.block();
		List<RegistrationView> registrations = new ArrayList<>();
		for (int i = 0; i < AUDIENCE + 1; i++) {
			// The last one is cancelled: the default filter leaves it out.
			registrations.add(new RegistrationView(Events.newId(), eventId, "REG-" + i,
					new PersonalInfo("Guest", String.valueOf(i), "guest" + i + "@example.com", "+9198765" + (10000 + i),
							null, null, null),
					null, (i < AUDIENCE) ? "active" : "cancelled", "paid", null, null, null, null, null, List.of(),
					"guest " + i, now, now));
		}
		this.mongo.insertAll(registrations).then().block(Duration.ofSeconds(60));

		byte[] body = Staff.as(this.client, "admin")
			.post()
			.uri("/api/events/{e}/notifications/send", eventId)
			.bodyValue(Map.of("templateId", template.id(), "filter", Map.of()))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.returnResult()
			.getResponseBodyContent();

		String json = new String(body, StandardCharsets.UTF_8);
		String batch = JsonPath.read(json, "$.data.batchId");
		boolean recording = JsonPath.read(json, "$.data.recording");
		// Either the exact counts, or (recording still running) the audience accepted.
		assertThat((int) JsonPath.read(json, recording ? "$.data.queued" : "$.data.skipped")).isEqualTo(AUDIENCE);
		Query ofBatch = Query.query(Criteria.where("event").is(eventId).and("dedupKey").regex("^" + batch + "\\|"));
		await().atMost(Duration.ofSeconds(120))
			.until(() -> this.mongo.count(ofBatch, Notification.class).block() >= AUDIENCE);
		Map<String, Integer> perRegistration = new HashMap<>();
		ofBatch.fields().include("registration", "status", "errorCode");
		for (Document notification : this.mongo.find(ofBatch, Document.class, "notifications").toIterable()) {
			perRegistration.merge(notification.getString("registration"), 1, Integer::sum);
			assertThat(notification.getString("errorCode")).isEqualTo("CHANNEL_DISABLED");
		}
		assertThat(perRegistration).hasSize(AUDIENCE).allSatisfy((registration, count) -> {
			assertThat(count).isEqualTo(1);
		});
		assertThat(perRegistration.keySet()).containsExactlyInAnyOrderElementsOf(
				registrations.subList(0, AUDIENCE).stream().map(RegistrationView::id).toList());
	}

}
