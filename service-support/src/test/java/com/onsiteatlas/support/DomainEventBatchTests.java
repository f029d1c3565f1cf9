package com.onsiteatlas.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.MongoTimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.EventCodec;
import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.domainevents.abstracts.AbstractSubmitted;
import com.onsiteatlas.support.messaging.DomainEventBatchHandler;
import com.onsiteatlas.support.messaging.DomainEventConsumer;
import com.onsiteatlas.support.messaging.DomainEventHandler;
import com.onsiteatlas.support.messaging.DomainEventRetries;
import com.onsiteatlas.support.messaging.MessagingProperties;
import com.onsiteatlas.support.messaging.NonRetryableEventException;
import com.onsiteatlas.support.messaging.ProcessedEvents;
import com.onsiteatlas.support.testing.ServiceTestProperties;
import com.onsiteatlas.support.testing.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer handles what one poll returns as a batch: each aggregate in order, the
 * aggregates of a batch at the same time, one query for processed ids and one bulk write
 * per batch, and the retry and dead-letter rules still per record. Each test runs its own
 * consumer group on {@code atlas.abstracts} (no handler of the test service consumes it
 * and no other test reads it, so its poison records disturb nobody), starting where the
 * topic ends, and publishes its records before the consumer starts so that they arrive as
 * one batch.
 */
class DomainEventBatchTests extends SupportIntegrationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String TOPIC = Topics.ABSTRACTS;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	KafkaProperties kafkaProperties;

	private final String conference = new ObjectId().toHexString();

	private final String handlerName = "batch-probe-" + UUID.randomUUID();

	private final List<DomainEventConsumer> started = new ArrayList<>();

	@AfterEach
	void stopConsumers() {
		this.started.forEach(DomainEventConsumer::stop);
	}

	@Test
	void keepsTheOrderOfEachAggregateWhileTheAggregatesOfABatchRunAtOnce() throws Exception {
		String group = group();
		List<String> keys = List.of(key(), key(), key(), key());
		for (int step = 0; step < 25; step++) {
			for (String key : keys) {
				publish(key, step(key, step), "Ok");
			}
		}
		Probe probe = new Probe();
		start(group, probe, properties(Duration.ofSeconds(30), 3));
		awaitCommitted(group);
		for (String key : keys) {
			List<String> expected = new ArrayList<>();
			for (int step = 0; step < 25; step++) {
				expected.add(step(key, step));
			}
			assertThat(steps(key)).as(key).containsExactlyElementsOf(expected);
		}
		assertThat(probe.maxInFlight.get()).as("aggregates handled at the same time").isGreaterThan(1);
	}

	@Test
	void handlesAnEnvelopeOnceWhenItRepeatsWithinABatchAndInALaterOne() throws Exception {
		String group = group();
		String key = key();
		byte[] repeated = event(key, step(key, 0), "Ok");
		send(key, repeated);
		send(key, repeated);
		String other = key();
		publish(other, step(other, 0), "Ok");
		start(group, new Probe(), properties(Duration.ofSeconds(30), 3));
		awaitCommitted(group);
		send(key, repeated);
		publish(other, step(other, 1), "Ok");
		awaitCommitted(group);
		assertThat(steps(key)).containsExactly(step(key, 0));
		assertThat(steps(other)).containsExactly(step(other, 0), step(other, 1));
	}

	@Test
	void deadLettersPoisonInTheMiddleOfABatchAndHandlesEveryOtherRecordOnce() throws Exception {
		String group = group();
		String poisoned = key();
		String invalid = key();
		String clean = key();
		publish(poisoned, step(poisoned, 0), "Ok");
		publish(invalid, step(invalid, 0), "Ok");
		publish(clean, step(clean, 0), "Ok");
		send(poisoned, "{not json".getBytes(StandardCharsets.UTF_8));
		publish(invalid, step(invalid, 1), "Invalid");
		publish(clean, step(clean, 1), "Ok");
		publish(poisoned, step(poisoned, 2), "Ok");
		publish(invalid, step(invalid, 2), "Ok");
		publish(clean, step(clean, 2), "Ok");
		start(group, new Probe(), properties(Duration.ofSeconds(30), 3));
		awaitCommitted(group);
		assertThat(steps(poisoned)).containsExactly(step(poisoned, 0), step(poisoned, 2));
		assertThat(steps(invalid)).containsExactly(step(invalid, 0), step(invalid, 2));
		assertThat(steps(clean)).containsExactly(step(clean, 0), step(clean, 1), step(clean, 2));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(deadLetters(group, poisoned)).isEqualTo(1);
			assertThat(deadLetters(group, invalid)).isEqualTo(1);
		});
		assertThat(deadLetters(group, clean)).isZero();
	}

	@Test
	void resumesFromTheRecordWhoseDatabaseWasDownWithoutLosingOrRepeatingAnyRecord() throws Exception {
		String group = group();
		String waiting = key();
		List<String> others = List.of(key(), key(), key());
		publish(waiting, step(waiting, 0), "Ok");
		for (int step = 0; step < 10; step++) {
			if (step == 3) {
				publish(waiting, step(waiting, 1), "DatabaseDown");
			}
			for (String other : others) {
				publish(other, step(other, step), "Ok");
			}
		}
		publish(waiting, step(waiting, 2), "Ok");
		Probe probe = new Probe();
		start(group, probe, properties(Duration.ofSeconds(30), 3));
		awaitCommitted(group);
		// More failed attempts than retry-max-attempts (3), yet handled once, in order,
		// and never dead-lettered.
		assertThat(steps(waiting)).containsExactly(step(waiting, 0), step(waiting, 1), step(waiting, 2));
		assertThat(probe.attempts(step(waiting, 1))).isEqualTo(Probe.DATABASE_DOWN_ATTEMPTS + 1);
		for (String other : others) {
			List<String> expected = new ArrayList<>();
			for (int step = 0; step < 10; step++) {
				expected.add(step(other, step));
			}
			assertThat(steps(other)).as(other).containsExactlyElementsOf(expected);
			assertThat(deadLetters(group, other)).isZero();
		}
		assertThat(deadLetters(group, waiting)).isZero();
	}

	@Test
	void retriesAHandlerThatTimesOutABoundedNumberOfTimesThenDeadLettersIt() throws Exception {
		String group = group();
		String hanging = key();
		String slowOnce = key();
		publish(hanging, step(hanging, 0), "Hang");
		publish(slowOnce, step(slowOnce, 0), "HangOnce");
		publish(hanging, step(hanging, 1), "Ok");
		Probe probe = new Probe();
		start(group, probe, properties(Duration.ofMillis(300), 2));
		awaitCommitted(group);
		assertThat(probe.attempts(step(hanging, 0))).isEqualTo(3);
		assertThat(steps(hanging)).containsExactly(step(hanging, 1));
		assertThat(steps(slowOnce)).containsExactly(step(slowOnce, 0));
		await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters(group, hanging) == 1);
		assertThat(deadLetters(group, slowOnce)).isZero();
	}

	@Test
	void afterARestartHandlesOnlyWhatWasNotCommittedAndSkipsWhatIsRedelivered() throws Exception {
		String group = group();
		Map<TopicPartition, Long> beginning = endOffsets();
		List<String> keys = List.of(key(), key());
		for (int step = 0; step < 5; step++) {
			for (String key : keys) {
				publish(key, step(key, step), "Ok");
			}
		}
		Probe first = new Probe();
		DomainEventConsumer consumer = start(group, first, properties(Duration.ofSeconds(30), 3));
		awaitCommitted(group);
		consumer.stop();
		for (int step = 5; step < 10; step++) {
			for (String key : keys) {
				publish(key, step(key, step), "Ok");
			}
		}
		Probe second = new Probe();
		start(group, second, properties(Duration.ofSeconds(30), 3));
		awaitCommitted(group);
		assertThat(first.handled()).hasSize(10);
		assertThat(second.handled()).hasSize(10).doesNotContainAnyElementsOf(first.handled());
		// Offsets lost (a new group from the same start): every record comes again, and
		// the recorded envelope ids keep the handler from running twice.
		String replaying = group();
		commit(replaying, beginning);
		Probe third = new Probe();
		start(replaying, third, properties(Duration.ofSeconds(30), 3));
		awaitCommitted(replaying);
		assertThat(third.handled()).isEmpty();
		for (String key : keys) {
			List<String> expected = new ArrayList<>();
			for (int step = 0; step < 10; step++) {
				expected.add(step(key, step));
			}
			assertThat(steps(key)).as(key).containsExactlyElementsOf(expected);
		}
	}

	@Test
	void givesABatchHandlerTheWholeBatchInOneCallWithEachKeyInOrder() throws Exception {
		String group = group();
		List<String> keys = List.of(key(), key(), key());
		for (int step = 0; step < 10; step++) {
			for (String key : keys) {
				publish(key, step(key, step), "Ok");
			}
		}
		Probe probe = new Probe();
		BatchProbe batches = new BatchProbe(0);
		start(group, probe, batches, properties(Duration.ofSeconds(30), 3));
		awaitCommitted(group);
		for (String key : keys) {
			List<String> expected = new ArrayList<>();
			for (int step = 0; step < 10; step++) {
				expected.add(step(key, step));
			}
			assertThat(batches.steps(key)).as(key).containsExactlyElementsOf(expected);
			assertThat(steps(key)).as("the per-envelope handler of " + key).containsExactlyElementsOf(expected);
		}
		assertThat(batches.calls.get()).as("calls for 30 envelopes published before the consumer started")
			.isLessThan(30);
	}

	@Test
	void deliversTheBatchAgainWhenABatchHandlerFailsAndLosesNothing() throws Exception {
		String group = group();
		List<String> keys = List.of(key(), key());
		for (int step = 0; step < 5; step++) {
			for (String key : keys) {
				publish(key, step(key, step), "Ok");
			}
		}
		Probe probe = new Probe();
		BatchProbe batches = new BatchProbe(2);
		start(group, probe, batches, properties(Duration.ofSeconds(30), 3));
		awaitCommitted(group);
		for (String key : keys) {
			List<String> expected = new ArrayList<>();
			for (int step = 0; step < 5; step++) {
				expected.add(step(key, step));
			}
			assertThat(batches.steps(key)).as(key).containsExactlyElementsOf(expected);
			assertThat(steps(key)).as("the per-envelope handler of " + key).containsExactlyElementsOf(expected);
			assertThat(deadLetters(group, key)).isZero();
		}
		assertThat(batches.failures.get()).isEqualTo(2);
	}

	private DomainEventConsumer start(String group, Probe probe, MessagingProperties properties) {
		return start(group, probe, null, properties);
	}

	private DomainEventConsumer start(String group, Probe probe, DomainEventBatchHandler batches,
			MessagingProperties properties) {
		List<DomainEventHandler<?>> handlers = new ArrayList<>();
		handlers.add(DomainEventHandler.of(this.handlerName, AbstractSubmitted.class, probe::on));
		if (batches != null) {
			handlers.addAll(batches.handlers());
		}
		Map<String, Object> config = new HashMap<>(this.kafkaProperties.buildConsumerProperties(null));
		config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config));
		factory.setCommonErrorHandler(DomainEventRetries.errorHandler(this.kafka, properties));
		DomainEventConsumer consumer = new DomainEventConsumer(factory, handlers,
				new ProcessedEvents(this.mongo, Clock.systemUTC()), new EventCodec(), properties);
		consumer.start();
		this.started.add(consumer);
		return consumer;
	}

	private static MessagingProperties properties(Duration handlerTimeout, int handlerTimeoutRetries) {
		return new MessagingProperties(1, (short) 1, Duration.ofMillis(100), Duration.ofSeconds(30), 50,
				Duration.ofSeconds(10), handlerTimeout, Duration.ofMillis(50), Duration.ofMillis(200), 3,
				Duration.ofDays(90), 4, handlerTimeoutRetries);
	}

	/** A new consumer group that starts where the topic ends now. */
	private String group() throws Exception {
		String group = "batch-tests-" + UUID.randomUUID();
		commit(group, endOffsets());
		return group;
	}

	private static Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ServiceTestProperties.kafkaBrokers()));
	}

	private static Map<TopicPartition, Long> endOffsets() throws Exception {
		try (Admin admin = admin()) {
			List<TopicPartition> partitions = admin.describeTopics(List.of(TOPIC))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.get(TOPIC)
				.partitions()
				.stream()
				.map((info) -> new TopicPartition(TOPIC, info.partition()))
				.toList();
			return admin
				.listOffsets(partitions.stream().collect(Collectors.toMap((tp) -> tp, (tp) -> OffsetSpec.latest())))
				.all()
				.get(10, TimeUnit.SECONDS)
				.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().offset()));
		}
	}

	private static void commit(String group, Map<TopicPartition, Long> offsets) throws Exception {
		try (Admin admin = admin()) {
			admin
				.alterConsumerGroupOffsets(group,
						offsets.entrySet()
							.stream()
							.collect(Collectors.toMap(Map.Entry::getKey,
									(entry) -> new OffsetAndMetadata(entry.getValue()))))
				.all()
				.get(10, TimeUnit.SECONDS);
		}
	}

	/** Waits until the group committed past everything published so far. */
	private static void awaitCommitted(String group) throws Exception {
		Map<TopicPartition, Long> ends = endOffsets();
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			try (Admin admin = admin()) {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata()
					.get(10, TimeUnit.SECONDS);
				return ends.entrySet().stream().allMatch((end) -> {
					OffsetAndMetadata done = committed.get(end.getKey());
					return done != null && done.offset() >= end.getValue();
				});
			}
		});
	}

	private static String key() {
		return new ObjectId().toHexString();
	}

	private static String step(String key, int step) {
		return key.substring(16) + "-" + step;
	}

	private void publish(String key, String step, String behaviour) throws Exception {
		send(key, event(key, step, behaviour));
	}

	private void send(String key, byte[] value) throws Exception {
		this.kafka.send(TOPIC, key, value).get(10, TimeUnit.SECONDS);
	}

	/**
	 * An abstract-submitted event of this test's conference; the abstract's number names
	 * the step, its title how the probe behaves.
	 */
	private byte[] event(String key, String step, String behaviour) throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/golden/abstract-submitted.v1.json")) {
			ObjectNode envelope = (ObjectNode) JSON.readTree(in);
			envelope.put("id", UUID.randomUUID().toString()).put("subject", key).put("eventid", this.conference);
			ObjectNode data = (ObjectNode) envelope.get("data");
			((ObjectNode) data.get("event")).put("_id", this.conference);
			((ObjectNode) data.get("abstract")).put("_id", key).put("abstractNumber", step).put("title", behaviour);
			return JSON.writeValueAsBytes(envelope);
		}
	}

	private List<String> steps(String key) {
		Document probe = this.mongo.findById(key, Document.class, Probe.COLLECTION).block();
		return (probe != null) ? probe.getList("steps", String.class) : List.of();
	}

	private static long deadLetters(String group, String key) {
		return TopicReader.readAll(Topics.deadLetter(TOPIC))
			.stream()
			.filter((record) -> key.equals(record.key())
					&& group.equals(TopicReader.header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)))
			.count();
	}

	/**
	 * Appends each handled step to its aggregate's document (a non-idempotent
	 * {@code $push}, so a repeat or a reordering shows). Titles steer failures:
	 * {@code DatabaseDown} finds the database unavailable a few times (more than the
	 * retry attempts), {@code Invalid} fails permanently, {@code Hang} never finishes,
	 * {@code HangOnce} does not finish the first time.
	 */
	private final class Probe {

		static final String COLLECTION = "batch_probe";

		static final int DATABASE_DOWN_ATTEMPTS = 5;

		private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

		private final List<String> handled = java.util.Collections.synchronizedList(new ArrayList<>());

		private final AtomicInteger inFlight = new AtomicInteger();

		private final AtomicInteger maxInFlight = new AtomicInteger();

		Mono<Void> on(EventEnvelope<AbstractSubmitted> envelope) {
			AbstractSubmitted submitted = envelope.data();
			if (!DomainEventBatchTests.this.conference.equals(submitted.event().id())) {
				return Mono.empty();
			}
			String step = submitted.abstractInfo().abstractNumber();
			int attempt = this.attempts.computeIfAbsent(step, (id) -> new AtomicInteger()).incrementAndGet();
			switch (submitted.abstractInfo().title()) {
				case "DatabaseDown":
					if (attempt <= DATABASE_DOWN_ATTEMPTS) {
						return Mono.error(new DataAccessResourceFailureException("Timed out while waiting for a server",
								new MongoTimeoutException("Timed out while waiting for a server")));
					}
					break;
				case "Invalid":
					return Mono.error(new NonRetryableEventException("cannot ever process"));
				case "Hang":
					return Mono.never();
				case "HangOnce":
					if (attempt == 1) {
						return Mono.never();
					}
					break;
				default:
					break;
			}
			return Mono.defer(() -> {
				this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
				return DomainEventBatchTests.this.mongo.upsert(
						Query.query(Criteria.where("_id").is(submitted.abstractInfo().id())),
						new Update().push("steps", step), COLLECTION);
			})
				.doFinally((signal) -> this.inFlight.decrementAndGet())
				.doOnSuccess((result) -> this.handled.add(step))
				.then();
		}

		int attempts(String step) {
			AtomicInteger count = this.attempts.get(step);
			return (count != null) ? count.get() : 0;
		}

		List<String> handled() {
			return List.copyOf(this.handled);
		}

	}

	/**
	 * A batch handler that records the steps of this test's conference per key, in the
	 * order it got them, and counts its calls; it fails its first {@code failing} calls.
	 */
	private final class BatchProbe implements DomainEventBatchHandler {

		private final Map<String, List<String>> steps = new ConcurrentHashMap<>();

		private final AtomicInteger calls = new AtomicInteger();

		private final AtomicInteger failures = new AtomicInteger();

		private final int failing;

		BatchProbe(int failing) {
			this.failing = failing;
		}

		@Override
		public String name() {
			return "batch-probe";
		}

		@Override
		public Set<Class<? extends DomainEventPayload>> payloadTypes() {
			return Set.of(AbstractSubmitted.class);
		}

		@Override
		public Mono<Void> onBatch(List<EventEnvelope<DomainEventPayload>> events) {
			List<AbstractSubmitted> mine = events.stream()
				.map((event) -> (AbstractSubmitted) event.data())
				.filter((submitted) -> DomainEventBatchTests.this.conference.equals(submitted.event().id()))
				.toList();
			if (mine.isEmpty()) {
				return Mono.empty();
			}
			this.calls.incrementAndGet();
			if (this.failures.get() < this.failing) {
				this.failures.incrementAndGet();
				return Mono.error(new DataAccessResourceFailureException("Timed out while waiting for a server"));
			}
			return Mono.fromRunnable(() -> mine.forEach(
					(submitted) -> this.steps.computeIfAbsent(submitted.abstractInfo().id(), (key) -> new ArrayList<>())
						.add(submitted.abstractInfo().abstractNumber())));
		}

		List<String> steps(String key) {
			return this.steps.getOrDefault(key, List.of());
		}

	}

}
