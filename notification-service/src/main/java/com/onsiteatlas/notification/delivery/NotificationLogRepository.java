package com.onsiteatlas.notification.delivery;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;

/**
 * The reads of the delivery log Spring Data cannot derive (a fragment of
 * {@link NotificationRepository}): the log's page, one notification of a conference, and
 * what the pacing and the progress of bulk sends read.
 */
interface NotificationLogRepository {

	/**
	 * One page of a conference's delivery log matching a filter.
	 * @param eventId the conference
	 * @param filter what to match
	 * @param page paging
	 * @return the page
	 */
	Mono<Paged<Notification>> page(String eventId, NotificationFilter filter, PageQuery page);

	/**
	 * A notification, only when it belongs to the conference.
	 * @param eventId the conference
	 * @param id the notification
	 * @return the notification, empty when unknown or of another conference
	 */
	Mono<Notification> findOfEvent(String eventId, String id);

	/**
	 * How many notifications wait on a channel, all conferences together.
	 * @param channel email, sms or whatsapp
	 * @return the count
	 */
	Mono<Long> countPending(String channel);

	/**
	 * The unique keys of a conference's pending notifications, in store order.
	 * @param eventId the conference
	 * @return their {@code dedupKey}s
	 */
	Flux<String> findPendingDedupKeys(String eventId);

	/**
	 * The notifications of a batch (their {@code dedupKey} starts with it), only the
	 * fields its progress needs.
	 * @param eventId the conference
	 * @param batch the batch id
	 * @return one entry per notification
	 */
	Flux<NotificationQueries.BatchEntry> findBatch(String eventId, String batch);

}
