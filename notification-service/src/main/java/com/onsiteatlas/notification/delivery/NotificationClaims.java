package com.onsiteatlas.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The leases of one dispatcher: finds due notifications, claims each with an atomic
 * {@code findAndModify} (so replicas never send the same one, and a crashed instance's
 * claims expire and are taken over) and gives a claim back when its delivery broke.
 */
class NotificationClaims {

	/** Due notifications looked up per query; each is then claimed by its id. */
	static final int BATCH = 100;

	private final NotificationRepository notifications;

	private final Clock clock;

	private final String owner;

	private final Duration lease;

	private final Duration retryDelay;

	NotificationClaims(NotificationRepository notifications, Clock clock, String owner, Duration lease,
			Duration retryDelay) {
		this.notifications = notifications;
		this.clock = clock;
		this.owner = owner;
		this.lease = lease;
		this.retryDelay = retryDelay;
	}

	/**
	 * The ids of the next due notifications, in due order: one query finds and sorts a
	 * batch and each is then claimed by its id, instead of a search and sort per claim.
	 */
	Flux<String> dueIds() {
		return this.notifications.findDueIds(this.clock.instant(), BATCH);
	}

	/**
	 * Takes the lease of one notification if it is still due and free (another instance
	 * may have taken it since it was found).
	 * @param id the notification
	 * @return the claimed notification, empty when it is no longer available
	 */
	Mono<Notification> claim(String id) {
		Instant now = this.clock.instant();
		return this.notifications.claimIfDue(id, now, this.owner, now.plus(this.lease));
	}

	/**
	 * Gives a claimed notification back, to be tried again after the initial backoff.
	 * @param notification the notification whose delivery broke unexpectedly
	 * @return completion, also when the release itself fails
	 */
	Mono<Void> release(Notification notification) {
		return this.notifications
			.releaseIfOwned(notification.id(), this.owner, this.clock.instant().plus(this.retryDelay))
			.onErrorResume((ex) -> Mono.empty());
	}

}
