package com.onsiteatlas.notification.delivery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.mongo.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.onsiteatlas.notification.delivery.NotificationRepositoryCustom.FinalOutcome;
import com.onsiteatlas.support.messaging.OutboxMessage;
import com.onsiteatlas.support.testing.EmbeddedMongo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guarded writes of {@link NotificationRepository} on a MongoDB slice (no web server,
 * Kafka, channels or dispatcher): a claim only takes a due, free notification; an outcome
 * is stored with its outbox entry only while the status may still become it. The
 * statuses' converters ({@link StatusConversions}) are the one piece of configuration it
 * needs.
 */
@DataMongoTest(properties = "spring.data.mongodb.database=atlas_notification_repository_test")
@Import(StatusConversions.class)
class NotificationRepositoryTests {

	private static final Instant NOW = Instant.parse("2027-01-10T08:00:00Z");

	@Autowired
	NotificationRepository notifications;

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		registry.add("spring.data.mongodb.uri", EmbeddedMongo::uri);
	}

	@Test
	void claimsADueNotificationOnceAndTakesOverAnExpiredLease() {
		Notification due = this.notifications.insert(pending(null, null)).block();

		Notification first = claim(due.id(), NOW, "a", NOW.plusSeconds(30));
		Notification second = claim(due.id(), NOW.plusSeconds(10), "b", NOW.plusSeconds(40));
		Notification takeover = claim(due.id(), NOW.plusSeconds(31), "b", NOW.plusSeconds(61));

		assertThat(first.leaseOwner()).isEqualTo("a");
		assertThat(second).isNull();
		assertThat(takeover.leaseOwner()).isEqualTo("b");
		assertThat(this.notifications.findDueIds(NOW.plusSeconds(32), 10).collectList().block())
			.doesNotContain(due.id());
	}

	@Test
	void aBatchClaimReturnsOnlyWhatItTookNotWhatItsOwnerHeldAlready() {
		Notification held = this.notifications.insert(pending(null, null)).block();
		Notification free = this.notifications.insert(pending(null, null)).block();
		Notification sent = this.notifications.insert(notification(NotificationStatus.SENT, null, null)).block();
		assertThat(claim(held.id(), NOW, "a", NOW.plusSeconds(30))).isNotNull();

		List<Notification> claimed = this.notifications
			.claimAllDue(List.of(held.id(), free.id(), sent.id(), "000000000000000000000000"), NOW.plusSeconds(1), "a",
					NOW.plusSeconds(31))
			.collectList()
			.block();

		assertThat(claimed).extracting(Notification::id).containsExactly(free.id());
		assertThat(claimed.get(0).leaseOwner()).isEqualTo("a");
		assertThat(this.notifications.claimAllDue(List.of(), NOW, "a", NOW).collectList().block()).isEmpty();
	}

	private Notification claim(String id, Instant now, String owner, Instant leaseUntil) {
		return this.notifications.claimAllDue(List.of(id), now, owner, leaseUntil).next().block();
	}

	@Test
	void storesASendWithItsOutboxEntryAndRefusesALateFailureOfTheSentNotification() {
		Notification claimed = this.notifications.insert(pending("a", NOW.plusSeconds(30))).block();
		Notification.Attempt attempt = new Notification.Attempt(1, NOW, "sent", null, null, "<id@mail>", 12);

		this.notifications
			.finishIfAllowed(claimed.id(),
					new FinalOutcome(NotificationStatus.SENT, 1, attempt, "<id@mail>", null, null, NOW),
					List.of(message("notification-sent")))
			.block();
		this.notifications
			.finishIfAllowed(claimed.id(),
					new FinalOutcome(NotificationStatus.FAILED, 2, null, null, "LATE", "late failure", NOW),
					List.of(message("notification-failed")))
			.block();

		Notification stored = this.notifications.findById(claimed.id()).block();
		assertThat(stored.status()).isEqualTo(NotificationStatus.SENT);
		assertThat(stored.providerMessageId()).isEqualTo("<id@mail>");
		assertThat(stored.errorCode()).isNull();
		assertThat(stored.leaseOwner()).isNull();
		assertThat(stored.attempts()).containsExactly(attempt);
		assertThat(stored.outbox()).extracting(OutboxMessage::type).containsExactly("notification-sent");
	}

	@Test
	void retriesAndResendsOnlyFromTheStatusTheyStartFrom() {
		Notification claimed = this.notifications.insert(pending("a", NOW.plusSeconds(30))).block();
		this.notifications
			.finishIfAllowed(claimed.id(),
					new FinalOutcome(NotificationStatus.FAILED, 1, null, null, "REJECTED", "rejected", NOW), List.of())
			.block();

		this.notifications.retryIfStillPending(claimed.id(),
				new Notification.Attempt(2, NOW, "retry", "TIMEOUT", "timed out", null, 5), NOW.plusSeconds(60), NOW)
			.block();
		Notification resent = this.notifications.resendIfAllowed(claimed.id(), NOW.plusSeconds(5)).block();
		Notification resentAgain = this.notifications.resendIfAllowed(claimed.id(), NOW.plusSeconds(6)).block();

		assertThat(resent.status()).isEqualTo(NotificationStatus.PENDING);
		assertThat(resent.errorCode()).isNull();
		assertThat(resent.attempts()).isEmpty();
		assertThat(resent.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
		assertThat(resentAgain).isNull();
	}

	private static Notification pending(String leaseOwner, Instant leaseUntil) {
		return notification(NotificationStatus.PENDING, leaseOwner, leaseUntil);
	}

	private static Notification notification(NotificationStatus status, String leaseOwner, Instant leaseUntil) {
		String event = new ObjectId().toHexString();
		return new Notification(new ObjectId().toHexString(), event, null, null, null, new ObjectId().toHexString(),
				"email", new Notification.Recipient("Asha", "asha@example.com", null),
				new Notification.Content("Hello", "Hello Asha", "<p>Hello Asha</p>", null), status, null, null, null,
				NOW, NOW, "repository-test|" + new ObjectId().toHexString(), "manual", 0, List.of(),
				NOW.minusSeconds(1), leaseOwner, leaseUntil, null, null, null, false, null, true, null, List.of());
	}

	private static OutboxMessage message(String type) {
		return new OutboxMessage(new ObjectId().toHexString(), "atlas.notification", "notification", type, "{}", null,
				NOW.truncatedTo(ChronoUnit.MILLIS));
	}

}
