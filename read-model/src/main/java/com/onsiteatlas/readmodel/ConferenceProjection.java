package com.onsiteatlas.readmodel;

import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.onsiteatlas.domainevents.conference.ConferenceSnapshot;
import com.onsiteatlas.domainevents.conference.EventCreated;
import com.onsiteatlas.domainevents.conference.EventDeleted;
import com.onsiteatlas.domainevents.conference.EventUpdated;
import com.onsiteatlas.support.messaging.DomainEventHandler;

/**
 * Keeps {@link ConferenceView} up to date from event-created/updated/deleted. A deleted
 * conference is kept as a tombstone ({@code deleted: true}) so late events about it can
 * be recognised.
 */
public class ConferenceProjection {

	/**
	 * Guarded upserts: applying an event twice leaves the same state, so no bookkeeping
	 * is needed.
	 */
	private static final boolean DEDUPLICATE = false;

	private static final String NAME = "ConferenceProjection";

	private final ReactiveMongoTemplate mongo;

	public ConferenceProjection(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	public List<DomainEventHandler<?>> handlers() {
		return List.of(
				DomainEventHandler.of(NAME, EventCreated.class, DEDUPLICATE,
						(e) -> apply(e.data().event(), e.data().occurredAt())),
				DomainEventHandler.of(NAME, EventUpdated.class, DEDUPLICATE,
						(e) -> apply(e.data().event(), e.data().occurredAt())),
				DomainEventHandler.of(NAME, EventDeleted.class, DEDUPLICATE,
						(e) -> upsertNewer(e.data().eventId(), e.data().occurredAt(),
								new Update().set("deleted", true).setOnInsert("name", e.data().name()))));
	}

	private Mono<Void> apply(ConferenceSnapshot event, Instant occurredAt) {
		var converter = this.mongo.getConverter();
		Update update = new Update().set("name", event.name())
			.set("startDate", event.startDate())
			.set("endDate", event.endDate())
			.set("timezone", event.timezone())
			.set("status", event.status())
			.set("venue", converter.convertToMongoType(event.venue()))
			.set("currency", event.currency())
			.set("locale", event.locale())
			.set("sender", converter.convertToMongoType(event.sender()))
			.set("deleted", false);
		return upsertNewer(event.id(), occurredAt, update);
	}

	private Mono<Void> upsertNewer(String id, Instant occurredAt, Update update) {
		// MongoDB uses the _id index here; the MongoDB-wire server only for a query that
		// is exactly {_id}, so this guarded one scans the collection there (see
		// docs/PERFORMANCE.md).
		Query newerOnly = Query.query(Criteria.where("_id")
			.is(id)
			.orOperator(Criteria.where("lastEventTime").exists(false),
					Criteria.where("lastEventTime").lte(occurredAt)));
		return this.mongo.upsert(newerOnly, update.set("lastEventTime", occurredAt), ConferenceView.COLLECTION)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())
			.then();
	}

}
