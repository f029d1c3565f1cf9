package com.onsiteatlas.notification.template;

import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.onsiteatlas.support.paging.MongoPaging;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;

/**
 * The MongoDB side of {@link NotificationTemplateRepositoryCustom}.
 */
class NotificationTemplateRepositoryImpl implements NotificationTemplateRepositoryCustom {

	private final ReactiveMongoTemplate mongo;

	NotificationTemplateRepositoryImpl(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<Paged<NotificationTemplate>> page(String eventId, TemplateFilter filter, PageQuery page) {
		Criteria criteria = Criteria.where("event").is(eventId);
		if (filter.type() != null) {
			criteria.and("type").is(filter.type());
		}
		if (filter.active() != null) {
			criteria.and("isActive").is(filter.active());
		}
		if (filter.search() != null && !filter.search().isBlank()) {
			criteria.and("name").regex(Pattern.quote(filter.search().trim()), "i");
		}
		return MongoPaging.find(this.mongo, Query.query(criteria), NotificationTemplate.class, page);
	}

	@Override
	public Mono<NotificationTemplate> findOfEvent(String eventId, String id) {
		return this.mongo.findOne(Query.query(Criteria.where("_id").is(id).and("event").is(eventId)),
				NotificationTemplate.class);
	}

	@Override
	public Mono<Long> removeAllOfEvent(String eventId) {
		return this.mongo.remove(Query.query(Criteria.where("event").is(eventId)), NotificationTemplate.class)
			.map((result) -> result.getDeletedCount());
	}

}
