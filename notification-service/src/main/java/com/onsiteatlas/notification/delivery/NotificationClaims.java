package com.onsiteatlas.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The leases of one dispatcher: finds due notifications, claims a batch of them with one
 * guarded write (so replicas never send the same one, and a crashed instance's claims
 * expire and are taken over) and gives a claim back when its delivery broke.
 */
class NotificationClaims {

	/** Due notifications looked up per query, then claimed together by their ids. */
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
	 * Takes the leases of those of the given notifications that are still due and free,
	 * in one write (another instance may have taken some since they were found).
	 * @param ids the notifications
	 * @return the claimed notifications
	 */
	Flux<Notification> claimAll(List<String> ids) {
		Instant now = this.clock.instant();
		return this.notifications.claimAllDue(ids, now, this.owner, now.plus(this.lease));
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
