package com.onsiteatlas.notification.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.onsiteatlas.support.paging.MongoPaging;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;

/**
 * The MongoDB side of {@link NotificationLogRepository}.
 */
class NotificationLogRepositoryImpl implements NotificationLogRepository {

	private final ReactiveMongoTemplate mongo;

	NotificationLogRepositoryImpl(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<Paged<Notification>> page(String eventId, NotificationFilter filter, PageQuery page) {
		Criteria criteria = Criteria.where("event").is(eventId);
		if (filter.channel() != null) {
			criteria.and("channel").is(filter.channel());
		}
		if (filter.status() != null) {
			criteria.and("status").is(filter.status().value());
		}
		if (filter.trigger() != null) {
			criteria.and("trigger").is(filter.trigger());
		}
		if (filter.template() != null) {
			criteria.and("template").is(filter.template());
		}
		if (filter.registration() != null) {
			criteria.and("registration").is(filter.registration());
		}
		if (filter.from() != null || filter.to() != null) {
			Criteria created = criteria.and("createdAt");
			if (filter.from() != null) {
				created.gte(filter.from());
			}
			if (filter.to() != null) {
				created.lte(filter.to());
			}
		}
		if (filter.batch() != null) {
			criteria.and("dedupKey").regex("^" + Pattern.quote(filter.batch() + "|"));
		}
		List<Criteria> and = new ArrayList<>();
		and.add(criteria);
		if (filter.search() != null && !filter.search().isBlank()) {
			String quoted = Pattern.quote(filter.search().trim());
			and.add(new Criteria().orOperator(Criteria.where("recipient.name").regex(quoted, "i"),
					Criteria.where("recipient.email").regex(quoted, "i"),
					Criteria.where("recipient.phone").regex(quoted, "i"),
					Criteria.where("content.subject").regex(quoted, "i"),
					Criteria.where("registrationId").regex(quoted, "i")));
		}
		Query query = Query.query((and.size() == 1) ? criteria : new Criteria().andOperator(and));
		return MongoPaging.find(this.mongo, query, Notification.class, page);
	}

	@Override
	public Mono<Notification> findOfEvent(String eventId, String id) {
		return this.mongo.findOne(Query.query(Criteria.where("_id").is(id).and("event").is(eventId)),
				Notification.class);
	}

	@Override
	public Mono<Long> countPending(String channel) {
		return this.mongo.count(
				Query.query(Criteria.where("status").is(NotificationStatus.PENDING.value()).and("channel").is(channel)),
				Notification.class);
	}

	@Override
	public Flux<String> findPendingDedupKeys(String eventId) {
		Query pending = Query
			.query(Criteria.where("event").is(eventId).and("status").is(NotificationStatus.PENDING.value()));
		pending.fields().include("dedupKey");
		return this.mongo.find(pending, Document.class, Notification.COLLECTION)
			.mapNotNull((document) -> document.getString("dedupKey"));
	}

	@Override
	public Flux<NotificationQueries.BatchEntry> findBatch(String eventId, String batch) {
		Query query = Query
			.query(Criteria.where("event").is(eventId).and("dedupKey").regex("^" + Pattern.quote(batch + "|")));
		query.fields().include("status", "channel", "createdAt", "updatedAt", "sentAt", "trigger", "source");
		return this.mongo.find(query, Document.class, Notification.COLLECTION)
			.map((document) -> new NotificationQueries.BatchEntry(document.getString("status"),
					document.getString("channel"), instant(document.get("createdAt")),
					instant(document.get("updatedAt")), document.getString("trigger"), document.getString("source")));
	}

	private static Instant instant(Object value) {
		return (value instanceof Date date) ? date.toInstant() : null;
	}

}
