package com.onsiteatlas.notification.delivery;

import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * Reads the delivery log: a page of an event's notifications, one notification, and what
 * waits on a channel.
 */
@Component
class NotificationQueries {

	private final NotificationRepository notifications;

	NotificationQueries(NotificationRepository notifications) {
		this.notifications = notifications;
	}

	Mono<Paged<Notification>> list(String eventId, NotificationFilter filter, PageQuery page) {
		return this.notifications.page(eventId, filter, page);
	}

	/**
	 * How many notifications wait to be sent on a channel, all events together (the
	 * channel's pacing is per instance, not per event).
	 * @param channel email, sms or whatsapp
	 * @return pending notifications
	 */
	Mono<Long> pendingCount(String channel) {
		return this.notifications.countPending(channel);
	}

	Mono<Notification> get(String eventId, String id) {
		ObjectIds.require(id, "id");
		return this.notifications.findOfEvent(eventId, id)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Notification not found")));
	}

	/**
	 * The unique keys of an event's pending notifications, in store order.
	 * @param eventId the conference
	 * @return their {@code dedupKey}s
	 */
	Flux<String> pendingDedupKeys(String eventId) {
		return this.notifications.findPendingDedupKeys(eventId);
	}

	/**
	 * The notifications of a batch (those whose unique key starts with it), only the
	 * fields its progress needs.
	 * @param eventId the conference
	 * @param batch the batch id
	 * @return one entry per notification
	 */
	Flux<BatchEntry> batch(String eventId, String batch) {
		return this.notifications.findBatch(eventId, batch);
	}

	/**
	 * What the progress of a batch reads of one notification.
	 *
	 * @param status its status, as stored
	 * @param channel its channel
	 * @param createdAt when it was recorded
	 * @param updatedAt its last change
	 * @param trigger its trigger, if any
	 * @param source send, manual, scheduled, event, test or resend
	 */
	record BatchEntry(String status, String channel, Instant createdAt, Instant updatedAt, String trigger,
			String source) {
	}

}
