package com.onsiteatlas.support.messaging;

import reactor.core.publisher.Mono;

import org.springframework.util.ClassUtils;

import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.EventEnvelope;

/**
 * Reacts to one type of domain event. Declare implementations as beans;
 * {@link DomainEventConsumer} subscribes to their topics, runs each handler at most once
 * per envelope id, retries failures with backoff and dead-letters what still fails.
 * Handlers must still be idempotent in their effects (a crash between the effect and the
 * bookkeeping repeats the call).
 *
 * @param <T> the payload type
 */
public interface DomainEventHandler<T extends DomainEventPayload> {

	Class<T> payloadType();

	Mono<Void> on(EventEnvelope<T> event);

	/**
	 * The name under which processed messages are remembered; must stay stable across
	 * releases.
	 * @return the handler name
	 */
	default String handlerName() {
		return ClassUtils.getUserClass(getClass()).getSimpleName() + "/" + payloadType().getSimpleName();
	}

}
