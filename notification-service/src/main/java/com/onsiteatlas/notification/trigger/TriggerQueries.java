package com.onsiteatlas.notification.trigger;

import java.time.ZoneId;
import java.time.ZoneOffset;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;
import com.onsiteatlas.readmodel.ConferenceView;
import com.onsiteatlas.readmodel.Directory;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * Reads triggers: a page of an event's triggers, one trigger, the active event triggers
 * of a domain event type, and the time zone their schedules are read in.
 */
@Component
class TriggerQueries {

	private final NotificationTriggerRepository triggers;

	private final Directory directory;

	TriggerQueries(NotificationTriggerRepository triggers, Directory directory) {
		this.triggers = triggers;
		this.directory = directory;
	}

	Mono<Paged<NotificationTrigger>> list(String eventId, TriggerFilter filter, PageQuery page) {
		return this.triggers.page(eventId, filter, page);
	}

	Mono<NotificationTrigger> get(String eventId, String id) {
		ObjectIds.require(id, "id");
		return this.triggers.findOfEvent(eventId, id)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Notification trigger not found")));
	}

	/**
	 * The active event triggers of a conference for a domain event type.
	 * @param eventId the conference
	 * @param eventType the domain event type
	 * @return triggers
	 */
	Flux<NotificationTrigger> eventTriggers(String eventId, String eventType) {
		return this.triggers.findActiveEventTriggers(eventId, eventType);
	}

	/**
	 * The time zone of a conference, UTC when it is not known.
	 * @param eventId the conference
	 * @return its zone
	 */
	Mono<ZoneId> zone(String eventId) {
		return this.directory.conference(eventId).map(ConferenceView::zone).defaultIfEmpty(ZoneOffset.UTC);
	}

}
