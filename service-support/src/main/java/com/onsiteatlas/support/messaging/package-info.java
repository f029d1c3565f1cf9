/**
 * Kafka plumbing only: the outbox relay (reliable publication on single-document writes),
 * topic creation and the idempotent, retrying, dead-lettering consumer every service
 * uses. Features plug in through
 * {@link com.onsiteatlas.support.messaging.DomainEventListener} methods (or
 * {@link com.onsiteatlas.support.messaging.DomainEventHandler} beans) and {@link Outbox}
 * entries.
 */
package com.onsiteatlas.support.messaging;
