package com.onsiteatlas.legacyimport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.onsiteatlas.domainevents.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The records of the ONSITE ATLAS topics on the test JVM's KRaft broker
 * (spring-kafka-test's global broker, {@code junit-platform.properties}) published since
 * a mark, so tests sharing the broker see only their own.
 */
final class PublishedRecords {

	static final List<String> TOPICS = List.of(Topics.EVENTS, Topics.REGISTRATIONS, Topics.PAYMENTS, Topics.ABSTRACTS,
			Topics.RESOURCES, Topics.SPONSORS);

	private PublishedRecords() {
	}

	static String brokers() {
		String brokers = System.getProperty("spring.embedded.kafka.brokers");
		assertThat(brokers).as("the global embedded broker of junit-platform.properties").isNotBlank();
		return brokers;
	}

	/** Creates the topics up front, as the services' KafkaAdmin does. */
	static void createTopics() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()))) {
			for (String topic : TOPICS) {
				try {
					admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
				}
				catch (java.util.concurrent.ExecutionException ex) {
					if (!(ex.getCause() instanceof TopicExistsException)) {
						throw ex;
					}
				}
			}
		}
	}

	/** The current end of every topic. */
	static Map<TopicPartition, Long> mark() {
		try (KafkaConsumer<String, byte[]> consumer = consumer()) {
			return consumer.endOffsets(partitions());
		}
	}

	/** Every record published after the mark, up to the current end. */
	static List<ConsumerRecord<String, byte[]>> since(Map<TopicPartition, Long> mark) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = consumer()) {
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions());
			long expected = end.entrySet().stream().mapToLong((e) -> e.getValue() - mark.get(e.getKey())).sum();
			consumer.assign(partitions());
			mark.forEach(consumer::seek);
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return records.size() >= expected;
			});
		}
		return records;
	}

	static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static List<TopicPartition> partitions() {
		return TOPICS.stream().map((topic) -> new TopicPartition(topic, 0)).toList();
	}

	private static KafkaConsumer<String, byte[]> consumer() {
		return new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
						false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
				new StringDeserializer(), new ByteArrayDeserializer());
	}

}
