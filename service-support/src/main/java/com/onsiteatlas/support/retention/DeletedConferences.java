package com.onsiteatlas.support.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;

/**
 * The tombstones of deleted conferences in this service: recording a deletion, asking
 * whether a conference is deleted, restoring one and finding those due for purging.
 */
public class DeletedConferences {

	/** The conference read model's collection. */
	private static final String CONFERENCES = "conferences";

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final Duration retention;

	public DeletedConferences(ReactiveMongoTemplate mongo, Clock clock, Duration retention) {
		this.mongo = mongo;
		this.clock = clock;
		this.retention = retention;
	}

	/**
	 * Records the conference as deleted now, purgeable after the retention. A repeated
	 * deletion (a replayed event-deleted) keeps the first tombstone and its window.
	 * @param eventId the conference id
	 * @return the tombstone
	 */
	public Mono<DeletedConference> markDeleted(String eventId) {
		Instant now = this.clock.instant();
		Update update = new Update().setOnInsert("deletedAt", now)
			.setOnInsert("purgeAfter", now.plus(this.retention))
			.setOnInsert("status", TombstoneStatus.DELETED);
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(eventId)), update,
					FindAndModifyOptions.options().upsert(true).returnNew(true), DeletedConference.class,
					DeletedConference.COLLECTION)
			// Two instances recording the same deletion at once: the other one won.
			.onErrorResume(DuplicateKeyException.class, (ex) -> find(eventId));
	}

	/**
	 * The conference's tombstone, if it has one.
	 * @param eventId the conference id
	 * @return the tombstone or empty
	 */
	public Mono<DeletedConference> find(String eventId) {
		return this.mongo.findById(eventId, DeletedConference.class, DeletedConference.COLLECTION);
	}

	/**
	 * Whether the conference is deleted (restorable or purged).
	 * @param eventId the conference id
	 * @return true when it has a tombstone
	 */
	public Mono<Boolean> isDeleted(String eventId) {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(eventId)), DeletedConference.COLLECTION);
	}

	/**
	 * Lifts the tombstone of a conference that is not purged yet: its data, untouched
	 * since the deletion, is visible and active again.
	 * @param eventId the conference id
	 * @return the lifted tombstone; an error 404 when the conference is not deleted, 409
	 * when it was purged
	 */
	public Mono<DeletedConference> restore(String eventId) {
		return this.mongo
			.findAndRemove(Query.query(Criteria.where("_id").is(eventId).and("status").is(TombstoneStatus.DELETED)),
					DeletedConference.class, DeletedConference.COLLECTION)
			// The conference read model flagged it deleted too (lists hide it); the flag
			// goes with the tombstone. Named, not imported: the view lives in its own
			// module.
			.flatMap((lifted) -> this.mongo
				.updateFirst(Query.query(Criteria.where("_id").is(eventId)), new Update().set("deleted", false),
						CONFERENCES)
				.thenReturn(lifted))
			.switchIfEmpty(
					Mono.defer(() -> find(eventId)
						.flatMap((purged) -> Mono
							.<DeletedConference>error(new ConferenceRestoreException(HttpStatus.CONFLICT,
									"Conference " + eventId + " was purged on " + purged.purgedAt()
											+ " and cannot be restored")))
						.switchIfEmpty(Mono.error(() -> new ConferenceRestoreException(HttpStatus.NOT_FOUND,
								"Conference " + eventId + " is not deleted in this service")))));
	}

	/**
	 * Deleted conferences whose window ended, oldest first.
	 * @param limit at most this many
	 * @return their tombstones
	 */
	public Flux<DeletedConference> due(int limit) {
		Query query = Query
			.query(Criteria.where("status").is(TombstoneStatus.DELETED).and("purgeAfter").lte(this.clock.instant()))
			.with(Sort.by("purgeAfter"))
			.limit(limit);
		return this.mongo.find(query, DeletedConference.class, DeletedConference.COLLECTION);
	}

	/**
	 * Records that the conference's data was purged; it stays a tombstone, so events
	 * about it keep being ignored and a restore is refused.
	 * @param eventId the conference id
	 * @return completes when recorded
	 */
	public Mono<Void> markPurged(String eventId) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(eventId).and("status").is(TombstoneStatus.DELETED)),
					new Update().set("status", TombstoneStatus.PURGED).set("purgedAt", this.clock.instant()),
					DeletedConference.COLLECTION)
			.then();
	}

}
