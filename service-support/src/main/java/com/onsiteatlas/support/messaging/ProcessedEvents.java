package com.onsiteatlas.support.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Remembers which (handler, envelope id) pairs were processed, in the service's own
 * database. The consumer asks for a whole polled batch in one query
 * ({@link #processedAmong}) and records what its handlers did in one unordered bulk
 * insert ({@link #record}).
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
		String id = id(handler, envelopeId);
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
	 * The key of one (handler, envelope id) pair.
	 * @param handler the handler name
	 * @param envelopeId the envelope id
	 * @return the stored id
	 */
	public static String id(String handler, String envelopeId) {
		return handler + ":" + envelopeId;
	}

	/**
	 * Which of these pairs were processed already, in one query.
	 * @param ids keys made by {@link #id(String, String)}
	 * @return the keys among them that are recorded
	 */
	public Mono<Set<String>> processedAmong(Collection<String> ids) {
		if (ids.isEmpty()) {
			return Mono.just(Set.of());
		}
		Query query = Query.query(Criteria.where("_id").in(ids));
		query.fields().include("_id");
		return this.mongo.find(query, Document.class, COLLECTION)
			.map((document) -> document.getString("_id"))
			.collect(HashSet::new, Set::add);
	}

	/**
	 * Records pairs as processed in one unordered bulk insert; a pair recorded already
	 * (by another instance that handled the same record before a rebalance) is not an
	 * error.
	 * @param handled the pairs
	 * @return completion
	 */
	public Mono<Void> record(Collection<Processed> handled) {
		if (handled.isEmpty()) {
			return Mono.empty();
		}
		Date now = Date.from(this.clock.instant());
		List<Document> documents = new ArrayList<>(handled.size());
		for (Processed pair : handled) {
			documents.add(new Document("_id", id(pair.handler(), pair.envelopeId())).append("handler", pair.handler())
				.append("envelopeId", pair.envelopeId())
				.append("processedAt", now));
		}
		return this.mongo.getCollection(COLLECTION)
			.flatMap(
					(collection) -> Mono.from(collection.insertMany(documents, new InsertManyOptions().ordered(false))))
			.then()
			.onErrorResume(ProcessedEvents::onlyDuplicates, (ex) -> Mono.empty());
	}

	private static boolean onlyDuplicates(Throwable failure) {
		return failure instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()
				&& bulk.getWriteConcernError() == null
				&& bulk.getWriteErrors()
					.stream()
					.allMatch((error) -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
	}

	/**
	 * A (handler, envelope id) pair whose handling succeeded.
	 *
	 * @param handler the handler name
	 * @param envelopeId the envelope id
	 */
	public record Processed(String handler, String envelopeId) {

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
