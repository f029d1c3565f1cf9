package com.onsiteatlas.support.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Messaging settings.
 *
 * @param partitions partitions of the domain topics this service creates when they are
 * missing
 * @param replicationFactor replication factor of created topics
 * @param outboxPollInterval how often the relay looks for unpublished messages
 * @param outboxLease how long a relay may hold a document before another may take it over
 * @param outboxBatchSize documents per relay pass and collection
 * @param sendTimeout how long to wait for the broker to acknowledge a send
 * @param handlerTimeout how long one handler may take for one message before it counts as
 * failed
 * @param retryInitialInterval first retry delay of a failed message
 * @param retryMaxInterval cap of the exponential retry delay
 * @param retryMaxAttempts retries before a message goes to the dead-letter topic
 * @param processedRetention how long ids of processed messages are kept for deduplication
 */
@ConfigurationProperties("atlas.messaging")
public record MessagingProperties(@DefaultValue("1") int partitions, @DefaultValue("1") short replicationFactor,
		@DefaultValue("500ms") Duration outboxPollInterval, @DefaultValue("30s") Duration outboxLease,
		@DefaultValue("50") int outboxBatchSize, @DefaultValue("10s") Duration sendTimeout,
		@DefaultValue("30s") Duration handlerTimeout, @DefaultValue("500ms") Duration retryInitialInterval,
		@DefaultValue("10s") Duration retryMaxInterval, @DefaultValue("6") int retryMaxAttempts,
		@DefaultValue("90d") Duration processedRetention) {

}
