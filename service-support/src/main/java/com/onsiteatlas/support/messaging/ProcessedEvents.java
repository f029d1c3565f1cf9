package com.onsiteatlas.support.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Supplier;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Remembers which (handler, envelope id) pairs were processed, in the service's own
 * database.
 */
public class ProcessedEvents {

	static final String COLLECTION = "processed_domain_events";

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	public ProcessedEvents(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Runs the work unless this handler already processed this envelope.
	 * @param handler the handler name
	 * @param envelopeId the envelope id
	 * @param work the handling
	 * @return true when the work ran, false when it was a duplicate
	 */
	public Mono<Boolean> runOnce(String handler, String envelopeId, Supplier<Mono<Void>> work) {
		String id = handler + ":" + envelopeId;
		return this.mongo.exists(Query.query(Criteria.where("_id").is(id)), COLLECTION)
			.flatMap((seen) -> seen ? Mono.just(false)
					: work.get()
						.then(this.mongo
							.insert(new Document("_id", id).append("handler", handler)
								.append("envelopeId", envelopeId)
								.append("processedAt", Date.from(this.clock.instant())), COLLECTION)
							.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty()))
						.thenReturn(true));
	}

	/**
	 * Forgets entries processed longer ago than the retention.
	 * @param retention how long an entry is kept
	 * @return the number of entries forgotten
	 */
	public Mono<Long> purgeExpired(Duration retention) {
		return purgeOlderThan(this.clock.instant().minus(retention));
	}

	/**
	 * Forgets entries older than the retention (the embedded MongoDB-wire server has no
	 * TTL indexes, so this runs as an application job).
	 * @param olderThan cut-off
	 * @return number of entries removed
	 */
	public Mono<Long> purgeOlderThan(Instant olderThan) {
		return this.mongo.remove(Query.query(Criteria.where("processedAt").lt(Date.from(olderThan))), COLLECTION)
			.map((result) -> result.getDeletedCount());
	}

}
