package com.onsiteatlas.notification.trigger;

import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;

/**
 * The trigger queries Spring Data cannot derive, and the conditional write that moves a
 * scheduled trigger to its next occurrence.
 */
interface NotificationTriggerRepositoryCustom {

	/**
	 * One page of a conference's triggers matching a filter.
	 * @param eventId the conference
	 * @param filter trigger type, domain event type, active flag and name search
	 * @param page paging
	 * @return the page
	 */
	Mono<Paged<NotificationTrigger>> page(String eventId, TriggerFilter filter, PageQuery page);

	/**
	 * A trigger, only when it belongs to the conference.
	 * @param eventId the conference
	 * @param id the trigger id
	 * @return the trigger, empty when unknown or of another conference
	 */
	Mono<NotificationTrigger> findOfEvent(String eventId, String id);

	/**
	 * The active event triggers of a conference for a domain event type.
	 * @param eventId the conference
	 * @param eventType the domain event type
	 * @return the triggers
	 */
	Flux<NotificationTrigger> findActiveEventTriggers(String eventId, String eventType);

	/**
	 * The active scheduled triggers whose next occurrence is due.
	 * @param now the current time
	 * @return the triggers
	 */
	Flux<NotificationTrigger> findDueScheduled(Instant now);

	/**
	 * Moves a scheduled trigger on to its next occurrence, on condition that it is still
	 * at the occurrence read (another instance may have moved it meanwhile).
	 * @param triggerId the trigger
	 * @param at the occurrence read
	 * @param next the next occurrence, or null when the schedule has none
	 * @param ran whether the occurrence ran (then it becomes {@code lastRunAt})
	 * @return completion
	 */
	Mono<Void> advanceIfStillAt(String triggerId, Instant at, Instant next, boolean ran);

	/**
	 * Removes every trigger of a conference.
	 * @param eventId the conference
	 * @return completion
	 */
	Mono<Void> removeAllOfEvent(String eventId);

}
