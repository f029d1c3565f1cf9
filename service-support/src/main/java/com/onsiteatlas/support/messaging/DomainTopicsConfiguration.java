package com.onsiteatlas.support.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import com.onsiteatlas.domainevents.Topics;

/**
 * The domain topics and their dead-letter topics, created at start when missing
 * ({@code atlas.messaging.create-topics}, {@code ATLAS_KAFKA_CREATE_TOPICS}, true by
 * default). A broker with ACLs (docs/deployment.md, "Kafka authentication") gives the
 * services no right to create topics: there its administrator creates them (Compose's
 * kafka-init, Strimzi KafkaTopics) and the services are told not to try.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "atlas.messaging.create-topics", havingValue = "true", matchIfMissing = true)
class DomainTopicsConfiguration {

	/** Dead letters are kept two weeks: long enough to inspect and replay by hand. */
	static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(14);

	@Bean
	KafkaAdmin.NewTopics domainTopics(MessagingProperties properties) {
		List<NewTopic> topics = new ArrayList<>();
		for (String topic : Topics.all()) {
			topics.add(new NewTopic(topic, properties.partitions(), properties.replicationFactor())
				.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.CLEANUP_POLICY_CONFIG,
						TopicConfig.CLEANUP_POLICY_DELETE)));
			topics.add(new NewTopic(Topics.deadLetter(topic), properties.partitions(), properties.replicationFactor())
				.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(DEAD_LETTER_RETENTION.toMillis()))));
		}
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

}
