package com.onsiteatlas.support.messaging;

import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.ExponentialBackOff;

import com.onsiteatlas.domainevents.InvalidEventException;
import com.onsiteatlas.domainevents.Topics;

/**
 * The retry and dead-letter policy of the domain event consumer, per record even though
 * records arrive in batches ({@link DomainEventBatches} names the record that failed):
 * <ul>
 * <li>poison (malformed, unknown version) and {@link NonRetryableEventException}: to
 * {@code <topic>.DLT} at once;</li>
 * <li>a dependency that is unavailable ({@link DependencyFailures}): retried at the
 * longest interval until it is back, never dead-lettered;</li>
 * <li>a handler that did not finish in time ({@link HandlerTimeoutException}):
 * {@code atlas.messaging.handler-timeout-retries} retries, then the dead-letter
 * topic;</li>
 * <li>anything else: {@code atlas.messaging.retry-max-attempts} retries with exponential
 * backoff, then the dead-letter topic.</li>
 * </ul>
 * The failed record and the rest of its batch are kept in memory and handed to the
 * listener again (the consumer is paused meanwhile) instead of being fetched again after
 * a seek: a seek would wait for the consumer's fetch in flight, up to
 * {@code fetch.max.wait.ms} (docs/events.md, "Consumer batches").
 */
public final class DomainEventRetries {

	private DomainEventRetries() {
	}

	/**
	 * The error handler for the consumer's container.
	 * @param template where dead letters are published
	 * @param properties retry settings
	 * @return the error handler
	 */
	public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, MessagingProperties properties) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
				backOff(properties, properties.retryMaxAttempts()));
		handler.addNotRetryableExceptions(InvalidEventException.class, NonRetryableEventException.class);
		handler.setSeekAfterError(false);
		// While the database is down the consumer stays on the record, retrying at the
		// longest interval, and resumes where it stopped once the database is back.
		ExponentialBackOff untilAvailable = new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
		untilAvailable.setMaxInterval(properties.retryMaxInterval().toMillis());
		ExponentialBackOff timedOut = backOff(properties, properties.handlerTimeoutRetries());
		handler.setBackOffFunction((record, failure) -> {
			if (DependencyFailures.isHandlerTimeout(failure)) {
				return timedOut;
			}
			return DependencyFailures.isUnavailable(failure) ? untilAvailable : null;
		});
		return handler;
	}

	private static ExponentialBackOff backOff(MessagingProperties properties, int retries) {
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retries);
		backOff.setInitialInterval(properties.retryInitialInterval().toMillis());
		backOff.setMultiplier(2.0);
		backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
		return backOff;
	}

}
