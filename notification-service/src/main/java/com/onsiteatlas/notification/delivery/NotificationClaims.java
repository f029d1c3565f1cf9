package com.onsiteatlas.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The leases of one dispatcher: finds due notifications, claims each with an atomic
 * {@code findAndModify} (so replicas never send the same one, and a crashed instance's
 * claims expire and are taken over) and gives a claim back when its delivery broke.
 */
class NotificationClaims {

	/** Due notifications looked up per query; each is then claimed by its id. */
	static final int BATCH = 100;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final String owner;

	private final Duration lease;

	private final Duration retryDelay;

	NotificationClaims(ReactiveMongoTemplate mongo, Clock clock, String owner, Duration lease, Duration retryDelay) {
		this.mongo = mongo;
		this.clock = clock;
		this.owner = owner;
		this.lease = lease;
		this.retryDelay = retryDelay;
	}

	/**
	 * The ids of the next due notifications, in due order. One query finds and sorts a
	 * batch and each is then claimed by its id, instead of a search and sort per claim.
	 * The MongoDB-wire server ignores the compound {@code {status, nextAttemptAt}} index
	 * and uses its _id index only for a query that is exactly {@code {_id}}, so there the
	 * guarded claim still scans the collection, without the sort (docs/PERFORMANCE.md).
	 */
	Flux<String> dueIds() {
		Instant now = this.clock.instant();
		Query query = Query.query(due(now)).with(Sort.by("nextAttemptAt")).limit(BATCH);
		query.fields().include("_id");
		return this.mongo.find(query, org.bson.Document.class, Notification.COLLECTION)
			.map((document) -> document.get("_id").toString());
	}

	/**
	 * Takes the lease of one notification if it is still due and free (another instance
	 * may have taken it since it was found).
	 * @param id the notification
	 * @return the claimed notification, empty when it is no longer available
	 */
	Mono<Notification> claim(String id) {
		Instant now = this.clock.instant();
		// MongoDB uses the _id index here; the MongoDB-wire server only for a query that
		// is exactly {_id}, so this guarded one scans the collection there (see
		// docs/PERFORMANCE.md).
		Query query = Query.query(Criteria.where("_id").is(id).andOperator(due(now)));
		Update claim = new Update().set("leaseOwner", this.owner).set("leaseUntil", now.plus(this.lease));
		return this.mongo.findAndModify(query, claim, FindAndModifyOptions.options().returnNew(true),
				Notification.class);
	}

	/**
	 * Gives a claimed notification back, to be tried again after the initial backoff.
	 * @param notification the notification whose delivery broke unexpectedly
	 * @return completion, also when the release itself fails
	 */
	Mono<Void> release(Notification notification) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(notification.id()).and("leaseOwner").is(this.owner)),
					new Update().unset("leaseOwner")
						.unset("leaseUntil")
						.set("nextAttemptAt", this.clock.instant().plus(this.retryDelay)),
					Notification.class)
			.then()
			.onErrorResume((ex) -> Mono.empty());
	}

	private static Criteria due(Instant now) {
		return new Criteria().andOperator(Criteria.where("status").is(NotificationStatus.PENDING.value()),
				Criteria.where("nextAttemptAt").lte(now),
				new Criteria().orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(now)));
	}

}
