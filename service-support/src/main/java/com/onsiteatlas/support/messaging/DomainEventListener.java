package com.onsiteatlas.support.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as the reaction to one type of domain event, like Spring Modulith's
 * {@code @ApplicationModuleListener}. The method takes the payload record of
 * shared-events ({@code Mono<Void> onEventDeleted(EventDeleted deleted)}) or, when it
 * needs the envelope's id, time or topic, an {@code EventEnvelope} of it
 * ({@code Mono<Void> onEventDeleted(EventEnvelope<EventDeleted> envelope)}), and returns
 * {@code Mono<Void>}; the payload type is the event it handles. A method with another
 * signature stops the service at startup with a message naming it.
 * <p>
 * {@link DomainEventListeners} turns every such method into a {@link DomainEventHandler}
 * of the service's {@link DomainEventConsumer}, which treats them like any handler:
 * subscribed topics, one record at a time per partition, at most once per envelope id
 * unless {@link #deduplicate()} is false, retries with backoff, dead letters. Handlers of
 * one payload type run in the order of their beans (bean registration order, then
 * {@code @Order}); one class holds at most one method per payload type.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DomainEventListener {

	/**
	 * The name under which processed envelopes are remembered, followed by
	 * {@code /<payload type>}; it must stay stable across releases, so a renamed class
	 * keeps its former name here.
	 * @return the handler name, by default the simple name of the bean's class
	 */
	String name() default "";

	/**
	 * Whether the consumer records processed envelope ids and skips repeats; see
	 * {@link DomainEventHandler#deduplicate()}.
	 * @return false only for effects that are idempotent by construction
	 */
	boolean deduplicate() default true;

}
