package com.onsiteatlas.support.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.kafka.listener.BatchListenerFailedException;

import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.EventCodec;
import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.InvalidEventException;
import com.onsiteatlas.support.correlation.CorrelationId;
import com.onsiteatlas.support.messaging.ProcessedEvents.Processed;

/**
 * Handles one polled batch of records: decodes every record, asks for the processed
 * envelope ids of the whole batch in one query, runs the handlers with the records of one
 * aggregate (topic, partition and key) one after the other and different aggregates at
 * the same time (at most {@code atlas.messaging.batch-concurrency}), then records what
 * was handled in one bulk insert.
 * <p>
 * A record that fails stops its aggregate: the later records of that key are not handled
 * in this batch. The batch then ends with a {@link BatchListenerFailedException} naming
 * the first record that did not finish, so the container's error handler commits the
 * records before it, retries or dead-letters that record by the same rules as before (per
 * record) and fetches the rest again; records of other aggregates that were handled
 * already are skipped on that second delivery because their ids were recorded.
 * <p>
 * {@link DomainEventBatchHandler}s get every envelope of their payload types in one call
 * per batch, at the same time as the per-envelope handlers; when one fails, the batch
 * fails from the first record that handler had in it.
 */
class DomainEventBatches {

	private static final Logger logger = LoggerFactory.getLogger(DomainEventBatches.class);

	private final Map<Class<?>, List<DomainEventHandler<?>>> handlers;

	private final ProcessedEvents processed;

	private final EventCodec codec;

	private final Duration handlerTimeout;

	private final int concurrency;

	private final SourcePolicy sources;

	DomainEventBatches(Map<Class<?>, List<DomainEventHandler<?>>> handlers, ProcessedEvents processed, EventCodec codec,
			MessagingProperties properties, SourcePolicy sources) {
		this.handlers = handlers;
		this.sources = sources;
		this.processed = processed;
		this.codec = codec;
		this.handlerTimeout = properties.handlerTimeout();
		this.concurrency = properties.batchConcurrency();
	}

	/**
	 * Handles the batch and returns once every handler finished. Waiting here is what
	 * lets the container commit the batch's offsets after it: this runs on the
	 * container's own consumer thread, never on a request or event-loop thread, and waits
	 * once per batch, not per record.
	 * @param records the batch, in the order the consumer returned it
	 * @throws BatchListenerFailedException naming the first record that did not finish
	 */
	void handle(List<? extends ConsumerRecord<?, byte[]>> records) {
		List<Item> items = decode(records);
		Set<String> seen;
		try {
			seen = this.processed.processedAmong(deduplicatedIds(items)).block();
		}
		catch (RuntimeException ex) {
			throw new BatchListenerFailedException("Cannot read the processed envelope ids", ex, 0);
		}
		Run run = new Run(Objects.requireNonNull(seen));
		Map<String, List<Item>> aggregates = new LinkedHashMap<>();
		for (Item item : items) {
			aggregates.computeIfAbsent(item.aggregate(), (key) -> new ArrayList<>()).add(item);
		}
		Mono<Void> perEnvelope = Flux.fromIterable(aggregates.values())
			.filter((aggregate) -> aggregate.stream().anyMatch(Item::hasPerEnvelopeWork))
			.flatMap((aggregate) -> handleInOrder(aggregate, run), this.concurrency)
			.then();
		Mono.when(Flux.fromIterable(batched(items).entrySet())
			.flatMap((batch) -> handle(batch.getKey(), batch.getValue(), run)), perEnvelope).block();
		recordProcessed(run, records.size());
		Map.Entry<Integer, Throwable> first = run.firstFailure();
		if (first != null) {
			ConsumerRecord<?, byte[]> record = records.get(first.getKey());
			if (first.getValue() instanceof InvalidEventException) {
				logger.warn("Poison message at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
						first.getValue().getMessage());
			}
			throw new BatchListenerFailedException(
					"Handling " + record.topic() + "-" + record.partition() + "@" + record.offset() + " failed",
					first.getValue(), first.getKey());
		}
	}

	private List<Item> decode(List<? extends ConsumerRecord<?, byte[]>> records) {
		List<Item> items = new ArrayList<>(records.size());
		for (int index = 0; index < records.size(); index++) {
			ConsumerRecord<?, byte[]> record = records.get(index);
			String aggregate = record.topic() + "-" + record.partition() + "/" + record.key();
			try {
				EventEnvelope<DomainEventPayload> envelope = this.codec.decode(record.value());
				List<DomainEventHandler<?>> matching = this.handlers.getOrDefault(envelope.data().getClass(),
						List.of());
				if (!matching.isEmpty() && this.sources.accepts(record.topic(), envelope)) {
					items.add(
							new Item(index, aggregate, envelope, perEnvelope(matching), batchHandlers(matching), null));
				}
			}
			catch (InvalidEventException ex) {
				if (ex.isPoison()) {
					// Kept in its aggregate so the records after it wait for the dead
					// letter.
					items.add(new Item(index, aggregate, null, List.of(), List.of(), ex));
				}
				else {
					logger.debug("Skipping {} at {}-{}@{}: {}", record.key(), record.topic(), record.partition(),
							record.offset(), ex.getMessage());
				}
			}
		}
		return items;
	}

	private static List<DomainEventHandler<?>> perEnvelope(List<DomainEventHandler<?>> handlers) {
		return handlers.stream().filter((handler) -> !(handler instanceof DomainEventBatchHandler.Member)).toList();
	}

	private static List<DomainEventBatchHandler> batchHandlers(List<DomainEventHandler<?>> handlers) {
		return handlers.stream()
			.filter(DomainEventBatchHandler.Member.class::isInstance)
			.map((handler) -> ((DomainEventBatchHandler.Member<?>) handler).batch())
			.distinct()
			.toList();
	}

	/**
	 * The envelopes of the batch per batch handler, in batch order.
	 */
	private static Map<DomainEventBatchHandler, List<Item>> batched(List<Item> items) {
		Map<DomainEventBatchHandler, List<Item>> batched = new LinkedHashMap<>();
		for (Item item : items) {
			for (DomainEventBatchHandler handler : item.batchHandlers()) {
				batched.computeIfAbsent(handler, (key) -> new ArrayList<>()).add(item);
			}
		}
		return batched;
	}

	private Mono<Void> handle(DomainEventBatchHandler handler, List<Item> batch, Run run) {
		List<EventEnvelope<DomainEventPayload>> envelopes = batch.stream().map(Item::envelope).toList();
		return Mono.defer(() -> handler.onBatch(envelopes))
			.timeout(this.handlerTimeout, Mono
				.error(() -> new HandlerTimeoutException(handler.name(), envelopes.get(0).id(), this.handlerTimeout)))
			.doOnError((ex) -> run.failed(batch.get(0).index(), ex))
			.onErrorResume((ex) -> Mono.empty());
	}

	private static List<String> deduplicatedIds(List<Item> items) {
		List<String> ids = new ArrayList<>();
		for (Item item : items) {
			for (DomainEventHandler<?> handler : item.handlers()) {
				if (handler.deduplicate()) {
					ids.add(ProcessedEvents.id(handler.handlerName(), item.envelope().id()));
				}
			}
		}
		return ids;
	}

	private Mono<Void> handleInOrder(List<Item> aggregate, Run run) {
		return Flux.fromIterable(aggregate)
			.concatMap((item) -> handle(item, run).doOnError((ex) -> run.failed(item.index(), ex)))
			.then()
			.onErrorResume((ex) -> Mono.empty());
	}

	private Mono<Void> handle(Item item, Run run) {
		if (item.failure() != null) {
			return Mono.error(item.failure());
		}
		Mono<Void> handled = Flux.fromIterable(item.handlers())
			.concatMap((handler) -> handle(handler, item.envelope(), run))
			.then();
		String correlationId = item.envelope().correlationid();
		return (correlationId != null) ? handled.contextWrite(Context.of(CorrelationId.KEY, correlationId)) : handled;
	}

	private Mono<Void> handle(DomainEventHandler<?> handler, EventEnvelope<DomainEventPayload> envelope, Run run) {
		if (!handler.deduplicate()) {
			return invoke(handler, envelope);
		}
		String id = ProcessedEvents.id(handler.handlerName(), envelope.id());
		if (run.seen().contains(id) || !run.claim(id)) {
			// Processed before, or the same envelope earlier in this batch.
			return Mono.empty();
		}
		return invoke(handler, envelope)
			.doOnSuccess((done) -> run.handled(new Processed(handler.handlerName(), envelope.id())))
			.doOnError((ex) -> run.release(id));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Mono<Void> invoke(DomainEventHandler handler, EventEnvelope<DomainEventPayload> envelope) {
		return Mono.defer(() -> {
			// The handler method runs here, before its Mono is subscribed: its log lines
			// carry the correlation id too.
			if (envelope.correlationid() != null) {
				MDC.put(CorrelationId.KEY, envelope.correlationid());
			}
			try {
				return (Mono<Void>) handler.on(envelope);
			}
			finally {
				MDC.remove(CorrelationId.KEY);
			}
		})
			.timeout(this.handlerTimeout, Mono
				.error(() -> new HandlerTimeoutException(handler.handlerName(), envelope.id(), this.handlerTimeout)));
	}

	private void recordProcessed(Run run, int batchSize) {
		List<Processed> handled = run.handledSoFar();
		try {
			this.processed.record(handled).block();
		}
		catch (RuntimeException ex) {
			// Nothing of this batch is committed: it is handled again once the store
			// is back (handlers are idempotent in their effects, as after a crash).
			logger.debug("Cannot record {} processed envelope(s) of a batch of {}", handled.size(), batchSize);
			throw new BatchListenerFailedException("Cannot record the processed envelope ids", ex, 0);
		}
	}

	/**
	 * One record of the batch that needs handling.
	 *
	 * @param index position in the batch
	 * @param aggregate topic, partition and key: the records that keep their order
	 * @param envelope the decoded envelope, null for poison
	 * @param handlers the per-envelope handlers of its payload type
	 * @param batchHandlers the batch handlers of its payload type
	 * @param failure why it cannot be decoded, null when it was
	 */
	private record Item(int index, String aggregate, EventEnvelope<DomainEventPayload> envelope,
			List<DomainEventHandler<?>> handlers, List<DomainEventBatchHandler> batchHandlers,
			InvalidEventException failure) {

		boolean hasPerEnvelopeWork() {
			return this.failure != null || !this.handlers.isEmpty();
		}

	}

	/**
	 * What happened to one batch so far; shared by the aggregates running at once.
	 */
	private static final class Run {

		private final Set<String> seen;

		private final Set<String> claimed = ConcurrentHashMap.newKeySet();

		private final Queue<Processed> handled = new ConcurrentLinkedQueue<>();

		private final Map<Integer, Throwable> failures = new ConcurrentHashMap<>();

		Run(Set<String> seen) {
			this.seen = seen;
		}

		Set<String> seen() {
			return this.seen;
		}

		boolean claim(String id) {
			return this.claimed.add(id);
		}

		void release(String id) {
			this.claimed.remove(id);
		}

		void handled(Processed pair) {
			this.handled.add(pair);
		}

		List<Processed> handledSoFar() {
			return List.copyOf(this.handled);
		}

		void failed(int index, Throwable failure) {
			this.failures.put(index, failure);
		}

		Map.Entry<Integer, Throwable> firstFailure() {
			return this.failures.entrySet().stream().min(Map.Entry.comparingByKey()).orElse(null);
		}

	}

}
