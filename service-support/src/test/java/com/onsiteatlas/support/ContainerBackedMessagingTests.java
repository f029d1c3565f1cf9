package com.onsiteatlas.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.EventCodec;
import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.sponsor.SponsorCreated;
import com.onsiteatlas.domainevents.sponsor.SponsorSnapshot;
import com.onsiteatlas.support.messaging.MessagingProperties;
import com.onsiteatlas.support.messaging.OutboxMessage;
import com.onsiteatlas.support.messaging.OutboxRelay;
import com.onsiteatlas.support.messaging.ProcessedEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same outbox and deduplication mechanics against a real MongoDB replica set and a
 * real Kafka image. Runs where Docker is available; skipped cleanly elsewhere (the
 * embedded variants cover this machine).
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerBackedMessagingTests {

	@Container
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:7.0");

	@Container
	static final KafkaContainer kafka = new KafkaContainer("apache/kafka-native:3.9.1");

	@Test
	void relaysOutboxEntriesAndDeduplicatesOnRealServers() {
		MongoClient client = MongoClients.create(mongo.getReplicaSetUrl());
		ReactiveMongoTemplate template = new ReactiveMongoTemplate(client, "containers");
		KafkaTemplate<String, byte[]> producer = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers()), new StringSerializer(),
				new ByteArraySerializer()));
		String id = new ObjectId().toHexString();
		EventEnvelope<SponsorCreated> envelope = EventEnvelope
			.wrap(new SponsorCreated(new ConferenceRef("65f0a0000000000000000001", "C", null, null, null, null),
					new SponsorSnapshot(id, "SPN-1", "Co", null, null, null, null, null, null, null), Instant.now(),
					null), "/test", "65f0a0000000000000000001", null);
		OutboxMessage message = OutboxMessage.of(envelope, new EventCodec());
		template.insert(new Document("_id", new ObjectId(id)).append("outbox",
				List.of(new Document("messageId", message.messageId()).append("topic", message.topic())
					.append("key", message.key())
					.append("type", message.type())
					.append("payload", message.payload()))),
				"sponsors_view")
			.block();
		OutboxRelay relay = new OutboxRelay(template, producer, List.of("sponsors_view"),
				new MessagingProperties(1, (short) 1, Duration.ofSeconds(1), Duration.ofSeconds(30), 10,
						Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofSeconds(1),
						3, Duration.ofDays(1)),
				Clock.systemUTC());
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			relay.relayOnce().block();
			assertThat(template.findById(new ObjectId(id), Document.class, "sponsors_view")
				.block()
				.getList("outbox", Document.class)).isEmpty();
		});
		ProcessedEvents processed = new ProcessedEvents(template, Clock.systemUTC());
		assertThat(processed.runOnce("h", message.messageId(), Mono::empty).block()).isTrue();
		assertThat(processed.runOnce("h", message.messageId(), Mono::empty).block()).isFalse();
		client.close();
	}

}
