package com.onsiteatlas.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.onsiteatlas.notification.Events;
import com.onsiteatlas.notification.NotificationIntegrationTest;
import com.onsiteatlas.notification.Staff;
import com.onsiteatlas.notification.template.NotificationTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bulk send is recorded completely even when its caller stops waiting, and the caller
 * gets an answer within the configured time either way.
 */
class BulkSendsTests extends NotificationIntegrationTest {

	static final int RECIPIENTS = 300;

	@Autowired
	BulkSends bulkSends;

	String eventId;

	NotificationTemplate template;

	@BeforeEach
	void setUp() {
		this.eventId = Staff.newEventId();
		Instant now = Instant.now();
		this.template = this.mongo
			.insert(new NotificationTemplate(Events.newId(), this.eventId, "Reminder", null, "email", "Reminder",
					"<p>See you {{firstName}}</p>", null, List.of(), true, true, null, null, now, now))
			.block();
	}

	@Test
	void answersWithTheAcceptedCountWhenRecordingTakesLongerThanTheCallerWaits() {
		String batch = "send:" + Events.newId();

		BulkSends.Answer answer = this.bulkSends.record(requests(batch), batch, Duration.ZERO)
			.block(Duration.ofSeconds(10));

		assertThat(answer.recording()).isTrue();
		assertThat(answer.queued()).isEqualTo(RECIPIENTS);
		await().atMost(Duration.ofSeconds(60)).until(() -> recorded(batch) == RECIPIENTS);
	}

	@Test
	void aCallerThatGoesAwayDoesNotCutTheBatchInHalf() {
		String batch = "send:" + Events.newId();

		// As the gateway does on its timeout: cancel the request's subscription.
		Disposable caller = this.bulkSends.record(requests(batch), batch, Duration.ofMinutes(1)).subscribe();
		caller.dispose();

		await().atMost(Duration.ofSeconds(60)).until(() -> recorded(batch) == RECIPIENTS);
		// More than one claim batch of the dispatcher: every one is sent, once.
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.mongo
				.count(Query.query(Criteria.where("event").is(this.eventId).and("status").is("sent")),
						Notification.class)
				.block() == RECIPIENTS);
		assertThat(Dispatcher.CLAIM_BATCH).isLessThan(RECIPIENTS);
	}

	@Test
	void answersWithTheExactCountsWhenRecordingIsQuick() {
		String batch = "send:" + Events.newId();
		List<SendRequest> requests = requests(batch).subList(0, 3);

		BulkSends.Answer answer = this.bulkSends.record(requests, batch, Duration.ofSeconds(30))
			.block(Duration.ofSeconds(40));

		assertThat(answer).isEqualTo(new BulkSends.Answer(3, 0, 0, false));
		assertThat(recorded(batch)).isEqualTo(3);
	}

	private List<SendRequest> requests(String batch) {
		List<SendRequest> requests = new ArrayList<>();
		for (int i = 0; i < RECIPIENTS; i++) {
			String registration = Events.newId();
			requests.add(new SendRequest(this.eventId, registration, "REG-" + i, null, this.template,
					Map.of("firstName", "Guest" + i),
					new Notification.Recipient("Guest " + i, "guest" + i + "." + registration + "@example.com", null),
					batch, "send"));
		}
		return requests;
	}

	private long recorded(String batch) {
		return this.mongo.count(Query.query(Criteria.where("event").is(this.eventId)), Notification.class).block();
	}

}
