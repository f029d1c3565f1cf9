package com.onsiteatlas.notification.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.onsiteatlas.support.messaging.Outbox;
import com.onsiteatlas.support.messaging.OutboxMessage;

/**
 * The MongoDB side of {@link NotificationRepositoryCustom}: the only delivery class that
 * writes criteria and updates of notifications.
 */
class NotificationRepositoryImpl implements NotificationRepositoryCustom {

	/**
	 * The id of the claim that took a notification's lease ({@link #claimAllDue}); unset
	 * with the lease.
	 */
	static final String CLAIM_FIELD = "leaseClaim";

	private final ReactiveMongoTemplate mongo;

	NotificationRepositoryImpl(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * One query finds and sorts a batch and each is then claimed by its id, instead of a
	 * search and sort per claim. The MongoDB-wire server ignores the compound
	 * {@code {status, nextAttemptAt}} index and uses its _id index only for a query that
	 * is exactly {@code {_id}}, so there the guarded claim still scans the collection,
	 * without the sort (docs/PERFORMANCE.md).
	 */
	@Override
	public Flux<String> findDueIds(Instant now, int limit) {
		Query query = Query.query(due(now)).with(Sort.by("nextAttemptAt")).limit(limit);
		query.fields().include("_id");
		return this.mongo.find(query, Document.class, Notification.COLLECTION)
			.map((document) -> document.get("_id").toString());
	}

	@Override
	public Flux<Notification> claimAllDue(List<String> ids, Instant now, String owner, Instant leaseUntil) {
		if (ids.isEmpty()) {
			return Flux.empty();
		}
		String claim = UUID.randomUUID().toString();
		Update update = new Update().set("leaseOwner", owner).set("leaseUntil", leaseUntil).set(CLAIM_FIELD, claim);
		return this.mongo
			.updateMulti(Query.query(Criteria.where("_id").in(ids).andOperator(due(now))), update, Notification.class)
			.thenMany(Flux.defer(() -> this.mongo
				.find(Query.query(Criteria.where("_id").in(ids).and(CLAIM_FIELD).is(claim)), Notification.class)));
	}

	@Override
	public Mono<Void> releaseIfOwned(String id, String owner, Instant nextAttemptAt) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("leaseOwner").is(owner)),
				new Update().unset("leaseOwner")
					.unset(CLAIM_FIELD)
					.unset("leaseUntil")
					.set("nextAttemptAt", nextAttemptAt),
				Notification.class)
			.then();
	}

	@Override
	public Mono<Void> finishIfAllowed(String id, FinalOutcome outcome, List<OutboxMessage> messages) {
		Update update = new Update().set("status", outcome.status().value())
			.set("updatedAt", outcome.at())
			.set("attemptCount", outcome.attemptCount())
			.unset("leaseOwner")
			.unset(CLAIM_FIELD)
			.unset("leaseUntil");
		if (outcome.attempt() != null) {
			update.push("attempts", outcome.attempt());
		}
		if (outcome.status() == NotificationStatus.SENT) {
			update.set("sentAt", outcome.at())
				.set("providerMessageId", outcome.providerMessageId())
				.unset("errorMessage")
				.unset("errorCode");
		}
		else {
			update.set("errorMessage", outcome.errorMessage()).set("errorCode", outcome.errorCode());
		}
		if (!messages.isEmpty()) {
			Outbox.push(update, messages);
		}
		return this.mongo
			.updateFirst(Query.query(
					Criteria.where("_id").is(id).and("status").in(NotificationStatus.thatCanBecome(outcome.status()))),
					update, Notification.class)
			.then();
	}

	@Override
	public Mono<Void> retryIfStillPending(String id, Notification.Attempt attempt, Instant nextAttemptAt, Instant now) {
		Update update = new Update().set("nextAttemptAt", nextAttemptAt)
			.set("errorMessage", attempt.errorMessage())
			.set("errorCode", attempt.errorCode())
			.set("updatedAt", now)
			.set("attemptCount", attempt.number())
			.push("attempts", attempt)
			.unset("leaseOwner")
			.unset(CLAIM_FIELD)
			.unset("leaseUntil");
		return stillPending(id, update);
	}

	@Override
	public Mono<Void> deferIfStillPending(String id, String message, Instant nextAttemptAt, Instant now) {
		Update update = new Update().set("nextAttemptAt", nextAttemptAt)
			.set("errorMessage", message)
			.set("errorCode", "CIRCUIT_OPEN")
			.set("updatedAt", now)
			.inc("deferrals", 1)
			.unset("leaseOwner")
			.unset(CLAIM_FIELD)
			.unset("leaseUntil");
		return stillPending(id, update);
	}

	@Override
	public Mono<Notification> resendIfAllowed(String id, Instant now) {
		Update update = new Update().set("status", NotificationStatus.PENDING.value())
			.set("nextAttemptAt", now)
			.set("updatedAt", now)
			.set("source", "resend")
			.unset("errorMessage")
			.unset("errorCode");
		return this.mongo.findAndModify(
				Query.query(Criteria.where("_id")
					.is(id)
					.and("status")
					.in(NotificationStatus.thatCanBecome(NotificationStatus.PENDING))),
				update, FindAndModifyOptions.options().returnNew(true), Notification.class);
	}

	@Override
	public Mono<Long> cancelOfRegistrationExceptCause(String eventId, String registration, String causeId,
			Instant now) {
		Criteria pending = Criteria.where("event")
			.is(eventId)
			.and("registration")
			.is(registration)
			.and("status")
			.in(NotificationStatus.thatCanBecome(NotificationStatus.CANCELLED))
			.and("dedupKey")
			.not()
			.regex("^" + Pattern.quote(causeId + "|"));
		return this.mongo
			.updateMulti(Query.query(pending),
					new Update().set("status", NotificationStatus.CANCELLED.value())
						.set("errorMessage", "The registration was cancelled")
						.set("updatedAt", now),
					Notification.class)
			.map((result) -> result.getModifiedCount());
	}

	@Override
	public Mono<Void> cancelAllOfEvent(String eventId) {
		return this.mongo
			.updateMulti(
					Query.query(Criteria.where("event")
						.is(eventId)
						.and("status")
						.in(NotificationStatus.thatCanBecome(NotificationStatus.CANCELLED))),
					new Update().set("status", NotificationStatus.CANCELLED.value()), Notification.class)
			.then();
	}

	@Override
	public Mono<Long> removeAllOfEvent(String eventId) {
		return this.mongo.remove(Query.query(Criteria.where("event").is(eventId)), Notification.class)
			.map((result) -> result.getDeletedCount());
	}

	@Override
	public Mono<Set<Integer>> insertSkippingDuplicates(List<Notification> notifications) {
		List<Document> documents = new ArrayList<>(notifications.size());
		for (Notification notification : notifications) {
			Document document = new Document();
			this.mongo.getConverter().write(notification, document);
			documents.add(document);
		}
		return this.mongo.getCollection(Notification.COLLECTION)
			.flatMap(
					(collection) -> Mono.from(collection.insertMany(documents, new InsertManyOptions().ordered(false))))
			.map((inserted) -> Set.<Integer>of())
			.onErrorResume(MongoBulkWriteException.class, (ex) -> {
				Set<Integer> duplicates = new HashSet<>();
				for (BulkWriteError error : ex.getWriteErrors()) {
					if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
						return Mono.error(ex);
					}
					duplicates.add(error.getIndex());
				}
				return Mono.just(duplicates);
			});
	}

	@Override
	public Mono<Void> recordDeliveryStatus(String id, String deliveryStatus, String errorCode, Instant now) {
		Update update = new Update().set("deliveryStatus", deliveryStatus)
			.set("deliveryUpdatedAt", now)
			.set("updatedAt", now);
		if (errorCode != null) {
			update.set("errorCode", errorCode);
		}
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, Notification.class).then();
	}

	@Override
	public Mono<Void> recordDeliveryStatusOfProviderMessage(String eventId, String providerMessageId,
			String deliveryStatus, Instant now) {
		return this.mongo.updateFirst(
				Query.query(Criteria.where("event").is(eventId).and("providerMessageId").is(providerMessageId)),
				new Update().set("deliveryStatus", deliveryStatus).set("deliveryUpdatedAt", now).set("updatedAt", now),
				Notification.class)
			.then();
	}

	private Mono<Void> stillPending(String id, Update update) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(NotificationStatus.PENDING.value())),
					update, Notification.class)
			.then();
	}

	private static Criteria due(Instant now) {
		return new Criteria().andOperator(Criteria.where("status").is(NotificationStatus.PENDING.value()),
				Criteria.where("nextAttemptAt").lte(now),
				new Criteria().orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(now)));
	}

}
