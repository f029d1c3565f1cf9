package com.onsiteatlas.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.EventCodec;
import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.domainevents.sponsor.SponsorCreated;
import com.onsiteatlas.domainevents.sponsor.SponsorSnapshot;
import com.onsiteatlas.support.messaging.MessagingProperties;
import com.onsiteatlas.support.messaging.Outbox;
import com.onsiteatlas.support.messaging.OutboxMessage;
import com.onsiteatlas.support.messaging.OutboxRelay;
import com.onsiteatlas.support.testing.IdentityTokens;
import com.onsiteatlas.support.testing.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reliable publication: a write and its domain event cannot diverge.
 */
class OutboxRelayTests extends SupportIntegrationTest {

	static final String CRASH_COLLECTION = "crash_widgets";

	static final String SLOW_COLLECTION = "slow_widgets";

	@LocalServerPort
	int port;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	Outbox outbox;

	@Autowired
	EventCodec codec;

	@Test
	void publishesTheEventOfAWriteAndClearsTheOutbox() {
		String name = "relayed-" + new ObjectId();
		WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.build()
			.post()
			.uri("/api/events/65f0a0000000000000000001/widgets")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + IdentityTokens.staff("manager"))
			.header("X-Correlation-Id", "relay-correlation-1")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"" + name + "\",\"quantity\":1}")
			.exchange()
			.expectStatus()
			.isCreated();
		Document stored = this.mongo.findOne(Query.query(Criteria.where("name").is(name)), Document.class, "widgets")
			.block();
		String widgetId = stored.getObjectId("_id").toHexString();

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			List<ConsumerRecord<String, byte[]>> records = recordsFor(widgetId);
			assertThat(records).hasSize(1);
			ConsumerRecord<String, byte[]> record = records.get(0);
			var envelope = this.codec.decode(record.value());
			assertThat(envelope.type()).isEqualTo("sponsor-created");
			assertThat(envelope.subject()).isEqualTo(widgetId);
			assertThat(envelope.correlationid()).isEqualTo("relay-correlation-1");
			assertThat(TopicReader.header(record, "ce_id")).isEqualTo(envelope.id());
			assertThat(((SponsorCreated) envelope.data()).sponsor().companyName()).isEqualTo(name);
		});
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.mongo.findById(new ObjectId(widgetId), Document.class, "widgets")
				.block()
				.getList(OutboxMessage.FIELD, Document.class)).isEmpty());
	}

	@Test
	void aFailedWriteProducesNoEvent() {
		String name = "unique-" + new ObjectId();
		WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		client.post()
			.uri("/api/events/65f0a0000000000000000001/widgets")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + IdentityTokens.staff("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"" + name + "\",\"quantity\":1}")
			.exchange()
			.expectStatus()
			.isCreated();
		client.post()
			.uri("/api/events/65f0a0000000000000000001/widgets")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + IdentityTokens.staff("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"" + name + "\",\"quantity\":2}")
			.exchange()
			.expectStatus()
			.isEqualTo(409);
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(TopicReader.readAll(Topics.SPONSORS)
				.stream()
				.map((record) -> this.codec.decode(record.value()).data())
				.filter((data) -> ((SponsorCreated) data).sponsor().companyName().equals(name))
				.count()).isEqualTo(1));
	}

	@Test
	void republishesWithTheSameIdWhenTheRelayDiesBetweenSendAndClear() {
		String aggregateId = new ObjectId().toHexString();
		OutboxMessage message = insertWithOneEntry(CRASH_COLLECTION, aggregateId);
		// A dead process makes no second attempt: batch size 1. The lease is short so the
		// restart can take over.
		MessagingProperties dyingProperties = new MessagingProperties(1, (short) 1, Duration.ofSeconds(1),
				Duration.ofMillis(300), 1, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMillis(50),
				Duration.ofMillis(100), 1, Duration.ofDays(1));
		MessagingProperties shortLease = new MessagingProperties(1, (short) 1, Duration.ofSeconds(1),
				Duration.ofMillis(300), 10, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMillis(50),
				Duration.ofMillis(100), 1, Duration.ofDays(1));
		AtomicBoolean died = new AtomicBoolean();
		OutboxRelay dying = new OutboxRelay(this.mongo, this.kafka, List.of(CRASH_COLLECTION), dyingProperties,
				Clock.systemUTC()) {
			@Override
			protected Mono<Void> clear(String collection, Object documentId, List<String> messageIds) {
				died.set(true);
				return Mono.error(new IllegalStateException("process killed between send and clear"));
			}
		};
		dying.relayOnce().block();
		assertThat(died).isTrue();
		assertThat(recordsFor(aggregateId)).hasSize(1);
		assertThat(this.mongo.findById(new ObjectId(aggregateId), Document.class, CRASH_COLLECTION)
			.block()
			.getList("outbox", Document.class)).hasSize(1);

		OutboxRelay restarted = new OutboxRelay(this.mongo, this.kafka, List.of(CRASH_COLLECTION), shortLease,
				Clock.systemUTC());
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			restarted.relayOnce().block();
			assertThat(this.mongo.findById(new ObjectId(aggregateId), Document.class, CRASH_COLLECTION)
				.block()
				.getList("outbox", Document.class)).isEmpty();
		});
		List<ConsumerRecord<String, byte[]>> records = recordsFor(aggregateId);
		assertThat(records).hasSize(2);
		assertThat(records).extracting((record) -> TopicReader.header(record, "ce_id"))
			.containsOnly(message.messageId());
	}

	@Test
	void renewsItsLeaseWhileASlowSendRunsSoNoOtherInstancePublishesTheSameEntries() {
		String aggregateId = new ObjectId().toHexString();
		insertWithOneEntry(SLOW_COLLECTION, aggregateId);
		// The broker acknowledges after three leases; the lease is renewed every third of
		// it, so the other instance never finds the document free.
		MessagingProperties shortLease = new MessagingProperties(1, (short) 1, Duration.ofSeconds(1),
				Duration.ofMillis(1200), 10, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMillis(50),
				Duration.ofMillis(100), 1, Duration.ofDays(1));
		OutboxRelay slow = new OutboxRelay(this.mongo, this.kafka, List.of(SLOW_COLLECTION), shortLease,
				Clock.systemUTC()) {
			@Override
			protected Mono<Void> send(Document entry) {
				return Mono.delay(Duration.ofMillis(3600)).then(super.send(entry));
			}
		};
		OutboxRelay other = new OutboxRelay(this.mongo, this.kafka, List.of(SLOW_COLLECTION), shortLease,
				Clock.systemUTC());
		CompletableFuture<Integer> slowPass = slow.relayOnce().toFuture();
		AtomicInteger takenByTheOther = new AtomicInteger();
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
			takenByTheOther.addAndGet(other.relayOnce().block());
			return slowPass.isDone();
		});
		assertThat(slowPass.join()).isEqualTo(1);
		assertThat(takenByTheOther).hasValue(0);
		assertThat(recordsFor(aggregateId)).hasSize(1);
		assertThat(this.mongo.findById(new ObjectId(aggregateId), Document.class, SLOW_COLLECTION)
			.block()
			.getList("outbox", Document.class)).isEmpty();
	}

	/** Stores a document whose outbox holds one unpublished entry, as a write would. */
	private OutboxMessage insertWithOneEntry(String collection, String aggregateId) {
		OutboxMessage message = this.outbox.message(new SponsorCreated(
				new ConferenceRef("65f0a0000000000000000001", "Relay Conference", null, null, null, null),
				new SponsorSnapshot(aggregateId, "SPN-R-001", "Relay Co", null, null, null, null, null, null, null),
				Instant.now(), null), "65f0a0000000000000000001", null);
		this.mongo.insert(new Document("_id", new ObjectId(aggregateId)).append("outbox",
				List.of(new Document("messageId", message.messageId()).append("topic", message.topic())
					.append("key", message.key())
					.append("type", message.type())
					.append("payload", message.payload()))),
				collection)
			.block();
		return message;
	}

	private List<ConsumerRecord<String, byte[]>> recordsFor(String key) {
		return TopicReader.readAll(Topics.SPONSORS).stream().filter((record) -> key.equals(record.key())).toList();
	}

}
