package com.onsiteatlas.support.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import com.onsiteatlas.support.worker.PeriodicWork;
import com.onsiteatlas.support.worker.PeriodicWorker;

/**
 * Publishes the outbox entries of aggregate documents and then removes them.
 * <p>
 * One pass: find a batch of documents that have entries, claim each by its id (an atomic
 * {@code findAndModify} that sets a lease, so replicas do not publish the same document
 * at once), send its entries in order and wait for the broker's acknowledgement, then
 * {@code $pull} exactly the sent entries and drop the lease. If the process dies after
 * sending and before the pull, the lease expires and the entries are sent again with the
 * same envelope ids: delivery is at-least-once and consumers deduplicate on the id. A
 * write that failed never put an entry into the document, so it never produces an event.
 */
public class OutboxRelay implements PeriodicWork {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	/**
	 * Claimed documents published at the same time: their sends share the producer's
	 * batches and their clears overlap, instead of one broker round trip and two database
	 * round trips after another. A document's own entries are still sent in order, and
	 * documents were never relayed in any particular order.
	 */
	static final int PUBLISHING_AT_ONCE = 16;

	private static final Duration SOON = Duration.ofSeconds(1);

	private final ReactiveMongoTemplate mongo;

	private final KafkaTemplate<String, byte[]> kafka;

	private final List<String> collections;

	private final MessagingProperties properties;

	private final Clock clock;

	private final String owner = UUID.randomUUID().toString();

	private final PeriodicWorker worker;

	public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, List<String> collections,
			MessagingProperties properties, Clock clock) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.collections = List.copyOf(collections);
		this.properties = properties;
		this.clock = clock;
		// Stops before the Kafka producer and the MongoDB client close (the default
		// phase). A pass relays until nothing is left, so it never reports more work.
		this.worker = new PeriodicWorker("outbox-relay",
				PeriodicWorker.Schedule.of(properties.outboxPollInterval(), properties.outboxPollInterval())
					.enabled(!this.collections.isEmpty()),
				() -> relayOnce().thenReturn(false));
	}

	/**
	 * Runs passes, a batch at a time, until no collection has unclaimed entries.
	 * @return number of documents relayed
	 */
	public Mono<Integer> relayOnce() {
		return Flux.fromIterable(this.collections).concatMap(this::relayCollection).reduce(0, Integer::sum);
	}

	private Mono<Integer> relayCollection(String collection) {
		AtomicBoolean more = new AtomicBoolean(true);
		return Flux.defer(() -> {
			AtomicInteger found = new AtomicInteger();
			return candidates(collection).doOnNext((id) -> found.incrementAndGet())
				.concatMap((id) -> claim(collection, id))
				.flatMap((document) -> publish(collection, document).thenReturn(1), PUBLISHING_AT_ONCE)
				.doOnComplete(() -> more.set(found.get() == this.properties.outboxBatchSize()));
		}).repeat(more::get).reduce(0, Integer::sum);
	}

	/**
	 * The ids of up to a batch of documents with entries and no live lease. One query
	 * finds a batch and each is then claimed by its id: no index serves "has outbox
	 * entries", so a claim that searched the collection for every single document made
	 * MongoDB scan it once per relayed event; claims by id use the _id index. (The
	 * MongoDB-wire server scans for the guarded claim too, see docs/PERFORMANCE.md.)
	 * @param collection the collection
	 * @return candidate ids, in no particular order
	 */
	Flux<Object> candidates(String collection) {
		Query query = new Query(relayable(Date.from(this.clock.instant()))).limit(this.properties.outboxBatchSize());
		query.fields().include("_id");
		return this.mongo.find(query, Document.class, collection).map((document) -> document.get("_id"));
	}

	/**
	 * Takes the lease of one document if it still has entries and no live lease (another
	 * instance may have taken it since it was found).
	 * @param collection the collection
	 * @param id the document
	 * @return the claimed document, empty when it is no longer available
	 */
	Mono<Document> claim(String collection, Object id) {
		Date now = Date.from(this.clock.instant());
		// MongoDB uses the _id index here; the MongoDB-wire server only for a query that
		// is exactly {_id}, so this guarded one scans the collection there (see
		// docs/PERFORMANCE.md).
		Query query = Query.query(Criteria.where("_id").is(id).andOperator(relayable(now)));
		Update claim = new Update().set(OutboxMessage.LEASE_FIELD, new Document("owner", this.owner).append("until",
				Date.from(now.toInstant().plus(this.properties.outboxLease()))));
		return this.mongo.findAndModify(query, claim, FindAndModifyOptions.options().returnNew(true), Document.class,
				collection);
	}

	private static Criteria relayable(Date now) {
		return new Criteria().andOperator(Criteria.where(OutboxMessage.FIELD + ".0").exists(true),
				new Criteria().orOperator(Criteria.where(OutboxMessage.LEASE_FIELD).exists(false),
						Criteria.where(OutboxMessage.LEASE_FIELD).is(null),
						Criteria.where(OutboxMessage.LEASE_FIELD + ".until").lt(now)));
	}

	private Mono<Void> publish(String collection, Document document) {
		List<Document> entries = document.getList(OutboxMessage.FIELD, Document.class, List.of());
		List<String> ids = entries.stream().map(OutboxRelay::messageId).toList();
		Object documentId = document.get("_id");
		Mono<Void> sendAndClear = Flux.fromIterable(entries)
			.concatMap(this::send)
			.then(Mono.defer(() -> clear(collection, documentId, ids)));
		return Mono.using(() -> keepLease(collection, documentId), (renewing) -> sendAndClear, Disposable::dispose)
			.onErrorResume((ex) -> {
				logger.warn("Outbox relay of {} {} failed, will retry after the lease: {}", collection, documentId,
						ex.toString());
				return Mono.empty();
			});
	}

	/**
	 * Renews this relay's lease on a document every third of the lease while its entries
	 * are sent, so slow sends (a broker that acknowledges late) never let another
	 * instance take the document over and publish the same entries again.
	 * @param collection the collection
	 * @param documentId the document being published
	 * @return the renewals, to dispose of when the document is done
	 */
	private Disposable keepLease(String collection, Object documentId) {
		Duration every = this.properties.outboxLease().dividedBy(3);
		return Flux.interval(every, every).concatMap((tick) -> renewLease(collection, documentId)).subscribe();
	}

	private Mono<Void> renewLease(String collection, Object documentId) {
		Query ours = Query
			.query(Criteria.where("_id").is(documentId).and(OutboxMessage.LEASE_FIELD + ".owner").is(this.owner));
		Update renewal = new Update().set(OutboxMessage.LEASE_FIELD + ".until",
				Date.from(this.clock.instant().plus(this.properties.outboxLease())));
		return this.mongo.updateFirst(ours, renewal, collection).doOnNext((result) -> {
			if (result.getMatchedCount() == 0) {
				logger.warn("Outbox lease on {} {} was lost while publishing; its entries may be sent twice",
						collection, documentId);
			}
		}).onErrorResume((ex) -> {
			logger.warn("Renewing the outbox lease on {} {} failed: {}", collection, documentId, ex.toString());
			return Mono.empty();
		}).then();
	}

	/**
	 * Sends one entry and waits for the broker's acknowledgement. Protected so that tests
	 * can simulate a slow broker.
	 * @param entry the outbox entry
	 * @return completion once acknowledged
	 */
	protected Mono<Void> send(Document entry) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(entry.getString("topic"), entry.getString("key"),
				entry.getString("payload").getBytes(StandardCharsets.UTF_8));
		record.headers().add("ce_id", messageId(entry).getBytes(StandardCharsets.UTF_8));
		record.headers().add("ce_type", entry.getString("type").getBytes(StandardCharsets.UTF_8));
		record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
		String correlationId = entry.getString("correlationId");
		if (correlationId != null) {
			record.headers().add("x-correlation-id", correlationId.getBytes(StandardCharsets.UTF_8));
		}
		return Mono.fromFuture(() -> this.kafka.send(record))
			.timeout(this.properties.sendTimeout())
			.doOnNext((result) -> logger.debug("Published {} {} to {}", entry.getString("type"), messageId(entry),
					result.getRecordMetadata()))
			.then();
	}

	/**
	 * Removes the sent entries and the lease. Separate so that tests can simulate a crash
	 * between sending and clearing.
	 * @param collection the collection
	 * @param documentId the document
	 * @param messageIds the entries that were sent
	 * @return completion
	 */
	protected Mono<Void> clear(String collection, Object documentId, List<String> messageIds) {
		Update update = new Update()
			.pull(OutboxMessage.FIELD, new Document("messageId", new Document("$in", messageIds)))
			.unset(OutboxMessage.LEASE_FIELD);
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(documentId)), update, collection).then();
	}

	private static String messageId(Document entry) {
		String id = entry.getString("messageId");
		return (id != null) ? id : String.valueOf(entry.get("_id"));
	}

	/** Triggers a pass now. */
	public void nudge() {
		this.worker.wakeUp();
	}

	/** Triggers a pass within a second; a burst of calls costs one pass. */
	public void nudgeSoon() {
		this.worker.wakeUpWithin(SOON);
	}

	@Override
	public PeriodicWorker worker() {
		return this.worker;
	}

}
