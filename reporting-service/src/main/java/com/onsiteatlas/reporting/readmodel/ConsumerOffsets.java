package com.onsiteatlas.reporting.readmodel;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

import com.onsiteatlas.support.messaging.DomainEventConsumer;

/**
 * Records behind, per consumed topic: the end offset of each partition minus the offset
 * this service's consumer group committed (0 where it committed none), read with the
 * Kafka admin client. Three admin calls per question, each bounded by a timeout.
 */
@Component
class ConsumerOffsets implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ConsumerOffsets.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final KafkaAdmin kafkaAdmin;

	private final ObjectProvider<DomainEventConsumer> consumer;

	private Admin admin;

	ConsumerOffsets(KafkaAdmin kafkaAdmin, ObjectProvider<DomainEventConsumer> consumer) {
		this.kafkaAdmin = kafkaAdmin;
		this.consumer = consumer;
	}

	/**
	 * Records not yet consumed, per topic.
	 * @return topic to records behind; empty when the consumer or the broker is not
	 * available
	 */
	Mono<Map<String, Long>> recordsBehind() {
		DomainEventConsumer events = this.consumer.getIfAvailable();
		MessageListenerContainer container = (events != null) ? events.container() : null;
		if (container == null || container.getGroupId() == null) {
			return Mono.just(Map.of());
		}
		List<String> topics = events.topics();
		return Mono.defer(() -> {
			Admin client = admin();
			Mono<Map<TopicPartition, OffsetAndMetadata>> committed = Mono
				.fromCompletionStage(client.listConsumerGroupOffsets(container.getGroupId())
					.partitionsToOffsetAndMetadata()
					.toCompletionStage());
			Mono<Map<String, TopicDescription>> described = Mono
				.fromCompletionStage(client.describeTopics(topics).allTopicNames().toCompletionStage());
			return Mono.zip(committed, described).flatMap((offsets) -> {
				Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
				offsets.getT2()
					.values()
					.forEach((topic) -> topic.partitions()
						.forEach((partition) -> latest.put(new TopicPartition(topic.name(), partition.partition()),
								OffsetSpec.latest())));
				return Mono.fromCompletionStage(client.listOffsets(latest).all().toCompletionStage()).map((ends) -> {
					Map<String, Long> behind = new TreeMap<>();
					ends.forEach((partition, end) -> {
						OffsetAndMetadata done = offsets.getT1().get(partition);
						long position = (done != null) ? done.offset() : 0;
						behind.merge(partition.topic(), Math.max(0, end.offset() - position), Long::sum);
					});
					return behind;
				});
			});
		}).timeout(TIMEOUT).onErrorResume((ex) -> {
			logger.debug("Cannot read consumer offsets: {}", ex.toString());
			return Mono.just(Map.of());
		});
	}

	private synchronized Admin admin() {
		if (this.admin == null) {
			this.admin = Admin.create(this.kafkaAdmin.getConfigurationProperties());
		}
		return this.admin;
	}

	@Override
	public synchronized void destroy() {
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(5));
		}
	}

}
