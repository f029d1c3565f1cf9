package com.onsiteatlas.notification.trigger;

import java.time.Instant;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.onsiteatlas.support.paging.MongoPaging;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;

/**
 * The MongoDB side of {@link NotificationTriggerRepositoryCustom}.
 */
class NotificationTriggerRepositoryImpl implements NotificationTriggerRepositoryCustom {

	private final ReactiveMongoTemplate mongo;

	NotificationTriggerRepositoryImpl(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<Paged<NotificationTrigger>> page(String eventId, TriggerFilter filter, PageQuery page) {
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

	@Override
	public Mono<NotificationTrigger> findOfEvent(String eventId, String id) {
		return this.mongo.findOne(Query.query(Criteria.where("_id").is(id).and("event").is(eventId)),
				NotificationTrigger.class);
	}

	@Override
	public Flux<NotificationTrigger> findActiveEventTriggers(String eventId, String eventType) {
		return this.mongo.find(Query.query(Criteria.where("event")
			.is(eventId)
			.and("triggerType")
			.is("event")
			.and("eventType")
			.is(eventType)
			.and("isActive")
			.is(true)), NotificationTrigger.class);
	}

	@Override
	public Flux<NotificationTrigger> findDueScheduled(Instant now) {
		return this.mongo.find(Query
			.query(Criteria.where("triggerType").is("scheduled").and("isActive").is(true).and("nextRunAt").lte(now)),
				NotificationTrigger.class);
	}

	@Override
	public Mono<Void> advanceIfStillAt(String triggerId, Instant at, Instant next, boolean ran) {
		Update update = (next != null) ? new Update().set("nextRunAt", next) : new Update().unset("nextRunAt");
		if (ran) {
			update.set("lastRunAt", at);
		}
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(triggerId).and("nextRunAt").is(at)), update,
					NotificationTrigger.class)
			.then();
	}

	@Override
	public Mono<Void> removeAllOfEvent(String eventId) {
		return this.mongo.remove(Query.query(Criteria.where("event").is(eventId)), NotificationTrigger.class).then();
	}

}
