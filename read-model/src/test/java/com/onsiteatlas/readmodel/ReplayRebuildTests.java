package com.onsiteatlas.readmodel;

import java.time.Clock;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;

import com.onsiteatlas.domainevents.EventCodec;
import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.support.messaging.DomainEventConsumer;
import com.onsiteatlas.support.messaging.MessagingProperties;
import com.onsiteatlas.support.messaging.ProcessedEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Topics keep every event, so a consumer that lost its state (a new instance, a dropped
 * database) rebuilds it by replaying from the beginning under a new consumer group.
 */
class ReplayRebuildTests extends ReadModelIntegrationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	Directory directory;

	@Autowired
	KafkaProperties kafkaProperties;

	@Autowired
	CommonErrorHandler errorHandler;

	@Autowired
	MessagingProperties messagingProperties;

	@Test
	void aFreshConsumerRebuildsTheReadModelByReplayingTheTopic() throws Exception {
		String id = new ObjectId().toHexString();
		String eventId = new ObjectId().toHexString();
		try (InputStream in = getClass().getResourceAsStream("/golden/registration-created.v1.json")) {
			ObjectNode envelope = (ObjectNode) JSON.readTree(in);
			envelope.put("id", UUID.randomUUID().toString()).put("subject", id);
			((ObjectNode) envelope.get("data").get("event")).put("_id", eventId);
			((ObjectNode) envelope.get("data").get("registration")).put("_id", id);
			this.kafka.send(Topics.REGISTRATIONS, id, JSON.writeValueAsBytes(envelope)).get(10, TimeUnit.SECONDS);
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> this.directory.registration(eventId, id).block() != null);

		// Lose the state: the read model and the record of what was processed.
		this.mongo.dropCollection(RegistrationView.COLLECTION).block();
		this.mongo.dropCollection("processed_domain_events").block();
		assertThat(this.directory.registration(eventId, id).block()).isNull();

		Map<String, Object> config = new HashMap<>(this.kafkaProperties.buildConsumerProperties(null));
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "rebuild-" + UUID.randomUUID());
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config));
		factory.setCommonErrorHandler(this.errorHandler);
		DomainEventConsumer rebuilding = new DomainEventConsumer(factory,
				List.copyOf(new RegistrationProjection(this.mongo).handlers()),
				new ProcessedEvents(this.mongo, Clock.systemUTC()), new EventCodec(), this.messagingProperties);
		rebuilding.start();
		try {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.directory.registration(eventId, id).block()).isNotNull());
		}
		finally {
			rebuilding.stop();
		}
	}

}
