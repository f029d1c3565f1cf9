package com.onsiteatlas.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Mono;

import com.onsiteatlas.domainevents.RegistrationRef;
import com.onsiteatlas.domainevents.notification.NotificationFailed;
import com.onsiteatlas.domainevents.notification.NotificationSent;
import com.onsiteatlas.notification.channel.SendFailure;
import com.onsiteatlas.notification.channel.SendResult;
import com.onsiteatlas.notification.delivery.NotificationRepositoryCustom.FinalOutcome;
import com.onsiteatlas.support.messaging.Outbox;
import com.onsiteatlas.support.messaging.OutboxMessage;

/**
 * Stores what became of a delivery attempt on the claimed notification, and gives up its
 * lease: sent, failed or skipped (sent and failed with their domain event in the same
 * write), retried later, or deferred while the provider's breaker is open.
 */
class DeliveryOutcomes {

	private final NotificationRepository notifications;

	private final Outbox outbox;

	private final Clock clock;

	DeliveryOutcomes(NotificationRepository notifications, Outbox outbox, Clock clock) {
		this.notifications = notifications;
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
		Notification.Attempt attempted = (started == null) ? null
				: new Notification.Attempt(attempt, started, (status == NotificationStatus.SENT) ? "sent" : "failed",
						code, message, (result != null) ? result.providerMessageId() : null,
						Duration.between(started, now).toMillis());
		RegistrationRef registration = (notification.registration() != null)
				? new RegistrationRef(notification.registration(), notification.registrationId()) : null;
		OutboxMessage event = null;
		if (status == NotificationStatus.SENT) {
			event = this.outbox.message(new NotificationSent(notification.event(), notification.id(), registration,
					notification.trigger(), notification.template(), notification.channel(), result.providerMessageId(),
					notification.testMode(), attempt, now, now), notification.event(), null);
		}
		else if (status == NotificationStatus.FAILED) {
			event = this.outbox.message(new NotificationFailed(notification.event(), notification.id(), registration,
					notification.trigger(), notification.template(), notification.channel(), code, message,
					notification.testMode(), attempt, now, now), notification.event(), null);
		}
		boolean withEvent = (event != null);
		FinalOutcome outcome = new FinalOutcome(status, attempt, attempted,
				(status == NotificationStatus.SENT) ? result.providerMessageId() : null, code, message, now);
		return this.notifications.finishIfAllowed(notification.id(), outcome, withEvent ? List.of(event) : List.of())
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
		Instant now = this.clock.instant();
		Notification.Attempt retry = new Notification.Attempt(attempt, started, "retry", failure.code(),
				failure.getMessage(), null, Duration.between(started, now).toMillis());
		return this.notifications.retryIfStillPending(notification.id(), retry, now.plus(delay), now);
	}

	/**
	 * Records a send the open breaker held back: it waits without using up an attempt.
	 * @param notification the claimed notification
	 * @param message why it waits
	 * @param delay until it is tried again
	 * @return completion
	 */
	Mono<Void> defer(Notification notification, String message, Duration delay) {
		Instant now = this.clock.instant();
		return this.notifications.deferIfStillPending(notification.id(), message, now.plus(delay), now);
	}

}
