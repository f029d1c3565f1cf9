package com.onsiteatlas.support.messaging;

import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.EventEnvelope;

/**
 * Reacts to the envelopes of a whole polled batch at once, for handlers whose effect is
 * one write per batch (a read model's newer-only upserts as one bulk write). Next to the
 * per-envelope {@link DomainEventHandler}: declare implementations as beans (or hand
 * {@link #handlers()} to a consumer), and {@link DomainEventConsumer} then calls
 * {@link #onBatch} once per batch with every envelope of its payload types, in the order
 * the consumer returned them (so the envelopes of one key stay in offset order).
 * <p>
 * Rules for implementations: the effect must be idempotent by construction (there is no
 * processed-id bookkeeping, and a failed batch is delivered again from the first record
 * this handler had in it); applying a later envelope of a key before an earlier one
 * failed elsewhere in the batch must be harmless (newer-only writes are).
 */
public interface DomainEventBatchHandler {

	/**
	 * The stable name of the handler.
	 * @return the name
	 */
	String name();

	/**
	 * The payload types this handler reads.
	 * @return the payload types
	 */
	Set<Class<? extends DomainEventPayload>> payloadTypes();

	/**
	 * Applies the envelopes of one batch.
	 * @param events the envelopes of this handler's payload types, in batch order
	 * @return completion; an error fails the batch from this handler's first envelope
	 */
	Mono<Void> onBatch(List<EventEnvelope<DomainEventPayload>> events);

	/**
	 * The handlers to register: one per payload type, each answering a single envelope
	 * through {@link #onBatch} (for callers that hand envelopes over one by one), and
	 * recognised by the consumer as members of this batch handler.
	 * @return one handler per payload type
	 */
	default List<DomainEventHandler<?>> handlers() {
		return payloadTypes().stream().<DomainEventHandler<?>>map((type) -> new Member<>(this, type)).toList();
	}

	/**
	 * The per-envelope face of a batch handler for one payload type.
	 *
	 * @param batch the batch handler
	 * @param payloadType the payload type
	 * @param <T> the payload type
	 */
	record Member<T extends DomainEventPayload>(DomainEventBatchHandler batch,
			Class<T> payloadType) implements DomainEventHandler<T> {

		@Override
		@SuppressWarnings("unchecked")
		public Mono<Void> on(EventEnvelope<T> event) {
			return this.batch.onBatch(List.of((EventEnvelope<DomainEventPayload>) (EventEnvelope<?>) event));
		}

		@Override
		public boolean deduplicate() {
			return false;
		}

		@Override
		public String handlerName() {
			return this.batch.name() + "/" + this.payloadType.getSimpleName();
		}

	}

}
