package com.onsiteatlas.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.onsiteatlas.domainevents.RegistrationRef;
import com.onsiteatlas.domainevents.notification.NotificationFailed;
import com.onsiteatlas.domainevents.notification.NotificationSent;
import com.onsiteatlas.notification.channel.SendFailure;
import com.onsiteatlas.notification.channel.SendResult;
import com.onsiteatlas.support.messaging.Outbox;
import com.onsiteatlas.support.messaging.OutboxMessage;

/**
 * Stores what became of a delivery attempt on the claimed notification, and gives up its
 * lease: sent, failed or skipped (sent and failed with their domain event in the same
 * write), retried later, or deferred while the provider's breaker is open.
 */
class DeliveryOutcomes {

	private final ReactiveMongoTemplate mongo;

	private final Outbox outbox;

	private final Clock clock;

	DeliveryOutcomes(ReactiveMongoTemplate mongo, Outbox outbox, Clock clock) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Records a final status.
	 * @param notification the claimed notification
	 * @param status sent, failed or skipped
	 * @param result the provider's answer when sent
	 * @param code the error code otherwise
	 * @param message the error message otherwise
	 * @param started when the attempt began, or null when nothing was attempted
	 * @return completion
	 */
	Mono<Void> finish(Notification notification, NotificationStatus status, SendResult result, String code,
			String message, Instant started) {
		Instant now = this.clock.instant();
		int attempt = notification.attemptCount() + ((started != null) ? 1 : 0);
		Update update = new Update().set("status", status.value())
			.set("updatedAt", now)
			.set("attemptCount", attempt)
			.unset("leaseOwner")
			.unset("leaseUntil");
		if (started != null) {
			update.push("attempts",
					new Notification.Attempt(attempt, started, (status == NotificationStatus.SENT) ? "sent" : "failed",
							code, message, (result != null) ? result.providerMessageId() : null,
							Duration.between(started, now).toMillis()));
		}
		RegistrationRef registration = (notification.registration() != null)
				? new RegistrationRef(notification.registration(), notification.registrationId()) : null;
		OutboxMessage event = null;
		if (status == NotificationStatus.SENT) {
			update.set("sentAt", now)
				.set("providerMessageId", result.providerMessageId())
				.unset("errorMessage")
				.unset("errorCode");
			event = this.outbox.message(new NotificationSent(notification.event(), notification.id(), registration,
					notification.trigger(), notification.template(), notification.channel(), result.providerMessageId(),
					notification.testMode(), attempt, now, now), notification.event(), null);
		}
		else {
			update.set("errorMessage", message).set("errorCode", code);
			if (status == NotificationStatus.FAILED) {
				event = this.outbox.message(new NotificationFailed(notification.event(), notification.id(),
						registration, notification.trigger(), notification.template(), notification.channel(), code,
						message, notification.testMode(), attempt, now, now), notification.event(), null);
			}
		}
		boolean withEvent = (event != null);
		if (withEvent) {
			Outbox.push(update, List.of(event));
		}
		return this.mongo.updateFirst(Query.query(
				Criteria.where("_id").is(notification.id()).and("status").in(NotificationStatus.thatCanBecome(status))),
				update, Notification.class)
			// Not a nudge per send (each relay pass scans the collection for outbox
			// entries): a burst of sends costs one pass within a second.
			.doOnSuccess((written) -> {
				if (withEvent) {
					this.outbox.nudgeSoon();
				}
			})
			.then();
	}

	/**
	 * Records a failed attempt that is tried again after a delay.
	 * @param notification the claimed notification
	 * @param attempt the number of the attempt that failed
	 * @param failure why
	 * @param started when the attempt began
	 * @param delay until the next attempt
	 * @return completion
	 */
	Mono<Void> retry(Notification notification, int attempt, SendFailure failure, Instant started, Duration delay) {
		Update update = new Update().set("nextAttemptAt", this.clock.instant().plus(delay))
			.set("errorMessage", failure.getMessage())
			.set("errorCode", failure.code())
			.set("updatedAt", this.clock.instant())
			.set("attemptCount", attempt)
			.push("attempts",
					new Notification.Attempt(attempt, started, "retry", failure.code(), failure.getMessage(), null,
							Duration.between(started, this.clock.instant()).toMillis()))
			.unset("leaseOwner")
			.unset("leaseUntil");
		return stillPending(notification, update);
	}

	/**
	 * Records a send the open breaker held back: it waits without using up an attempt.
	 * @param notification the claimed notification
	 * @param message why it waits
	 * @param delay until it is tried again
	 * @return completion
	 */
	Mono<Void> defer(Notification notification, String message, Duration delay) {
		Update update = new Update().set("nextAttemptAt", this.clock.instant().plus(delay))
			.set("errorMessage", message)
			.set("errorCode", "CIRCUIT_OPEN")
			.set("updatedAt", this.clock.instant())
			.inc("deferrals", 1)
			.unset("leaseOwner")
			.unset("leaseUntil");
		return stillPending(notification, update);
	}

	private Mono<Void> stillPending(Notification notification, Update update) {
		return this.mongo
			.updateFirst(Query.query(
					Criteria.where("_id").is(notification.id()).and("status").is(NotificationStatus.PENDING.value())),
					update, Notification.class)
			.then();
	}

}
