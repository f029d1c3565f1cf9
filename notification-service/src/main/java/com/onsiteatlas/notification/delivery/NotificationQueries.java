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
import org.springframework.stereotype.Component;

import com.onsiteatlas.support.paging.MongoPaging;
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

	private final ReactiveMongoTemplate mongo;

	NotificationQueries(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	Mono<Paged<Notification>> list(String eventId, NotificationFilter filter, PageQuery page) {
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

	/**
	 * How many notifications wait to be sent on a channel, all events together (the
	 * channel's pacing is per instance, not per event).
	 * @param channel email, sms or whatsapp
	 * @return pending notifications
	 */
	Mono<Long> pendingCount(String channel) {
		return this.mongo.count(
				Query.query(Criteria.where("status").is(NotificationStatus.PENDING.value()).and("channel").is(channel)),
				Notification.class);
	}

	Mono<Notification> get(String eventId, String id) {
		ObjectIds.require(id, "id");
		return this.mongo
			.findOne(Query.query(Criteria.where("_id").is(id).and("event").is(eventId)), Notification.class)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Notification not found")));
	}

	/**
	 * The unique keys of an event's pending notifications, in store order.
	 * @param eventId the conference
	 * @return their {@code dedupKey}s
	 */
	Flux<String> pendingDedupKeys(String eventId) {
		Query pending = Query
			.query(Criteria.where("event").is(eventId).and("status").is(NotificationStatus.PENDING.value()));
		pending.fields().include("dedupKey");
		return this.mongo.find(pending, Document.class, Notification.COLLECTION)
			.mapNotNull((document) -> document.getString("dedupKey"));
	}

	/**
	 * The notifications of a batch (those whose unique key starts with it), only the
	 * fields its progress needs.
	 * @param eventId the conference
	 * @param batch the batch id
	 * @return one entry per notification
	 */
	Flux<BatchEntry> batch(String eventId, String batch) {
		Query query = Query
			.query(Criteria.where("event").is(eventId).and("dedupKey").regex("^" + Pattern.quote(batch + "|")));
		query.fields().include("status", "channel", "createdAt", "updatedAt", "sentAt", "trigger", "source");
		return this.mongo.find(query, Document.class, Notification.COLLECTION)
			.map((document) -> new BatchEntry(document.getString("status"), document.getString("channel"),
					instant(document.get("createdAt")), instant(document.get("updatedAt")),
					document.getString("trigger"), document.getString("source")));
	}

	private static Instant instant(Object value) {
		return (value instanceof Date date) ? date.toInstant() : null;
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
