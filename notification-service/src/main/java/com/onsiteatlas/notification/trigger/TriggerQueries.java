package com.onsiteatlas.notification.trigger;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.onsiteatlas.support.paging.MongoPaging;
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

	private final ReactiveMongoTemplate mongo;

	private final Directory directory;

	TriggerQueries(ReactiveMongoTemplate mongo, Directory directory) {
		this.mongo = mongo;
		this.directory = directory;
	}

	Mono<Paged<NotificationTrigger>> list(String eventId, TriggerFilter filter, PageQuery page) {
		Criteria criteria = Criteria.where("event").is(eventId);
		if (filter.triggerType() != null) {
			criteria.and("triggerType").is(filter.triggerType());
		}
		if (filter.eventType() != null) {
			criteria.and("eventType").is(filter.eventType());
		}
		if (filter.active() != null) {
			criteria.and("isActive").is(filter.active());
		}
		if (filter.search() != null && !filter.search().isBlank()) {
			criteria.and("name").regex(Pattern.quote(filter.search().trim()), "i");
		}
		return MongoPaging.find(this.mongo, Query.query(criteria), NotificationTrigger.class, page);
	}

	Mono<NotificationTrigger> get(String eventId, String id) {
		ObjectIds.require(id, "id");
		return this.mongo
			.findOne(Query.query(Criteria.where("_id").is(id).and("event").is(eventId)), NotificationTrigger.class)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Notification trigger not found")));
	}

	/**
	 * The active event triggers of a conference for a domain event type.
	 * @param eventId the conference
	 * @param eventType the domain event type
	 * @return triggers
	 */
	Flux<NotificationTrigger> eventTriggers(String eventId, String eventType) {
		return this.mongo.find(Query.query(Criteria.where("event")
			.is(eventId)
			.and("triggerType")
			.is("event")
			.and("eventType")
			.is(eventType)
			.and("isActive")
			.is(true)), NotificationTrigger.class);
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
