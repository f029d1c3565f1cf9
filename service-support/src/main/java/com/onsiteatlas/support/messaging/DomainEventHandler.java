package com.onsiteatlas.support.messaging;

import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.util.ClassUtils;

import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.EventEnvelope;

/**
 * Reacts to one type of domain event. Declare implementations as beans;
 * {@link DomainEventConsumer} subscribes to their topics, runs each handler at most once
 * per envelope id, retries failures with backoff and dead-letters what still fails.
 * Handlers must still be idempotent in their effects (a crash between the effect and the
 * bookkeeping repeats the call). A feature's reactions are usually
 * {@link DomainEventListener} methods, which become handlers of this kind.
 *
 * @param <T> the payload type
 */
public interface DomainEventHandler<T extends DomainEventPayload> {

	Class<T> payloadType();

	Mono<Void> on(EventEnvelope<T> event);

	/**
	 * Whether the consumer should record processed envelope ids for this handler and skip
	 * repeats. Handlers whose effect is naturally idempotent (a guarded upsert of a read
	 * model) answer false and save two database round trips per message, which is most of
	 * the cost of replaying a topic.
	 * @return true unless the handler is idempotent by construction
	 */
	default boolean deduplicate() {
		return true;
	}

	/**
	 * The name under which processed messages are remembered; must stay stable across
	 * releases.
	 * @return the handler name
	 */
	default String handlerName() {
		return ClassUtils.getUserClass(getClass()).getSimpleName() + "/" + payloadType().getSimpleName();
	}

	/**
	 * A handler from a function, for components that handle several types.
	 * @param name stable handler name (see {@link #handlerName()})
	 * @param type payload type
	 * @param handling what to do
	 * @param <T> payload type
	 * @return the handler
	 */
	static <T extends DomainEventPayload> DomainEventHandler<T> of(String name, Class<T> type,
			Function<EventEnvelope<T>, Mono<Void>> handling) {
		return of(name, type, true, handling);
	}

	/**
	 * A handler from a function.
	 * @param name stable handler name (see {@link #handlerName()})
	 * @param type payload type
	 * @param deduplicate see {@link #deduplicate()}
	 * @param handling what to do
	 * @param <T> payload type
	 * @return the handler
	 */
	static <T extends DomainEventPayload> DomainEventHandler<T> of(String name, Class<T> type, boolean deduplicate,
			Function<EventEnvelope<T>, Mono<Void>> handling) {
		return new DomainEventHandler<>() {

			@Override
			public Class<T> payloadType() {
				return type;
			}

			@Override
			public Mono<Void> on(EventEnvelope<T> event) {
				return handling.apply(event);
			}

			@Override
			public String handlerName() {
				return name + "/" + type.getSimpleName();
			}

			@Override
			public boolean deduplicate() {
				return deduplicate;
			}

		};
	}

}
