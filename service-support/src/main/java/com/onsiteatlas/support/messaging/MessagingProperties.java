package com.onsiteatlas.support.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Messaging settings.
 *
 * @param partitions partitions of the domain topics this service creates when they are
 * missing
 * @param replicationFactor replication factor of created topics
 * @param outboxPollInterval how often the relay looks for unpublished messages that
 * nobody announced: writes in this instance wake it at once (or within a second, for
 * frequent ones), so the poll only finds another instance's leftovers and takes over
 * expired leases; long, so an idle service costs next to nothing
 * @param outboxLease how long a relay may hold a document before another may take it
 * over; renewed every third of it while the document's entries are sent
 * @param outboxBatchSize documents per relay pass and collection
 * @param sendTimeout how long to wait for the broker to acknowledge a send
 * @param handlerTimeout how long one handler may take for one message before it counts as
 * failed
 * @param retryInitialInterval first retry delay of a failed message
 * @param retryMaxInterval cap of the exponential retry delay
 * @param retryMaxAttempts retries before a message goes to the dead-letter topic
 * @param processedRetention how long ids of processed messages are kept for deduplication
 * @param batchConcurrency aggregates (record keys) of one polled batch whose handlers run
 * at the same time; the records of one aggregate always run one after the other
 * @param handlerTimeoutRetries retries of a message whose handler timed out before it
 * goes to the dead-letter topic (a timeout may be a slow dependency, so it is retried,
 * but not for ever: it would hold its partition)
 */
@ConfigurationProperties("atlas.messaging")
public record MessagingProperties(@DefaultValue("1") int partitions, @DefaultValue("1") short replicationFactor,
		@DefaultValue("15s") Duration outboxPollInterval, @DefaultValue("30s") Duration outboxLease,
		@DefaultValue("50") int outboxBatchSize, @DefaultValue("10s") Duration sendTimeout,
		@DefaultValue("30s") Duration handlerTimeout, @DefaultValue("500ms") Duration retryInitialInterval,
		@DefaultValue("10s") Duration retryMaxInterval, @DefaultValue("6") int retryMaxAttempts,
		@DefaultValue("90d") Duration processedRetention, @DefaultValue("8") int batchConcurrency,
		@DefaultValue("3") int handlerTimeoutRetries) {

	/** Default of {@link #batchConcurrency()}. */
	static final int DEFAULT_BATCH_CONCURRENCY = 8;

	/** Default of {@link #handlerTimeoutRetries()}. */
	static final int DEFAULT_HANDLER_TIMEOUT_RETRIES = 3;

	@ConstructorBinding
	public MessagingProperties {
		if (batchConcurrency < 1) {
			throw new IllegalArgumentException("atlas.messaging.batch-concurrency must be at least 1");
		}
		if (handlerTimeoutRetries < 0) {
			throw new IllegalArgumentException("atlas.messaging.handler-timeout-retries must not be negative");
		}
	}

	/**
	 * Settings with the default batch concurrency and handler-timeout retries.
	 * @param partitions see {@link #partitions()}
	 * @param replicationFactor see {@link #replicationFactor()}
	 * @param outboxPollInterval see {@link #outboxPollInterval()}
	 * @param outboxLease see {@link #outboxLease()}
	 * @param outboxBatchSize see {@link #outboxBatchSize()}
	 * @param sendTimeout see {@link #sendTimeout()}
	 * @param handlerTimeout see {@link #handlerTimeout()}
	 * @param retryInitialInterval see {@link #retryInitialInterval()}
	 * @param retryMaxInterval see {@link #retryMaxInterval()}
	 * @param retryMaxAttempts see {@link #retryMaxAttempts()}
	 * @param processedRetention see {@link #processedRetention()}
	 */
	public MessagingProperties(int partitions, short replicationFactor, Duration outboxPollInterval,
			Duration outboxLease, int outboxBatchSize, Duration sendTimeout, Duration handlerTimeout,
			Duration retryInitialInterval, Duration retryMaxInterval, int retryMaxAttempts,
			Duration processedRetention) {
		this(partitions, replicationFactor, outboxPollInterval, outboxLease, outboxBatchSize, sendTimeout,
				handlerTimeout, retryInitialInterval, retryMaxInterval, retryMaxAttempts, processedRetention,
				DEFAULT_BATCH_CONCURRENCY, DEFAULT_HANDLER_TIMEOUT_RETRIES);
	}

}
