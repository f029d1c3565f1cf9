package com.onsiteatlas.clients.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.EventCatalog;
import com.onsiteatlas.domainevents.EventCodec;
import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs {@code integration/publish-all.mjs} with the machine's node: the library (its
 * build in {@code dist/}) maps ONSITE ATLAS mongoose documents to one event of every type
 * ONSITE ATLAS produces and publishes them to a real KRaft broker (spring-kafka-test's
 * global broker, one per test JVM: {@code junit-platform.properties}). Every record must
 * then decode with the shared-events codec, with the envelope and headers docs/events.md
 * describes and the payload the library mapped, field for field.
 */
class NodeProducerKafkaTests {

	private static final List<String> ATLAS_TOPICS = List.of(Topics.EVENTS, Topics.REGISTRATIONS, Topics.PAYMENTS,
			Topics.ABSTRACTS, Topics.RESOURCES, Topics.SPONSORS);

	private static final Set<String> ATLAS_TYPES = Set.of("event-created", "event-updated", "event-deleted",
			"registration-created", "registration-updated", "registration-cancelled", "workshop-registered",
			"check-in-completed", "payment-received", "payment-refunded", "abstract-submitted",
			"abstract-status-changed", "resource-used", "sponsor-created", "sponsor-updated");

	private final EventCodec codec = new EventCodec();

	private final ObjectMapper mapper = EventCodec.newObjectMapper();

	@BeforeAll
	static void createTopics() throws Exception {
		// Created up front, as the services' KafkaAdmin does, so the first send finds a
		// leader.
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()))) {
			admin.createTopics(ATLAS_TOPICS.stream().map((topic) -> new NewTopic(topic, 1, (short) 1)).toList())
				.all()
				.get(30, TimeUnit.SECONDS);
		}
	}

	private static String brokers() {
		String brokers = System.getProperty("spring.embedded.kafka.brokers");
		assertThat(brokers).as("the global embedded broker of junit-platform.properties").isNotBlank();
		return brokers;
	}

	@Test
	void everyTypeTheLibraryPublishesDecodesWithTheJavaCodec() throws Exception {
		JsonNode published = runPublishAll();
		assertThat(published).isNotEmpty();
		Set<String> publishedTypes = new HashSet<>();
		published.forEach((message) -> publishedTypes.add(message.at("/envelope/type").asText()));
		assertThat(publishedTypes).isEqualTo(ATLAS_TYPES);

		List<ConsumerRecord<String, byte[]>> records = readAll(published.size());
		Map<String, JsonNode> byId = new HashMap<>();
		published.forEach((message) -> byId.put(message.at("/envelope/id").asText(), message));
		assertThat(records).hasSize(published.size());
		for (ConsumerRecord<String, byte[]> record : records) {
			String id = header(record, "ce_id");
			JsonNode sent = byId.get(id);
			assertThat(sent).as("record %s was published by the library", id).isNotNull();
			assertRecord(record, sent);
		}
	}

	private void assertRecord(ConsumerRecord<String, byte[]> record, JsonNode sent) throws IOException {
		JsonNode envelope = sent.get("envelope");
		String type = envelope.get("type").asText();
		assertThat(record.topic()).as(type)
			.isEqualTo(sent.get("topic").asText())
			.isEqualTo(EventCatalog.standard().find(type, 1).topic());
		assertThat(header(record, "content-type")).isEqualTo("application/cloudevents+json");
		assertThat(header(record, "ce_type")).isEqualTo(type);

		EventEnvelope<DomainEventPayload> decoded = this.codec.decode(record.value());
		assertThat(decoded.id()).isEqualTo(envelope.get("id").asText());
		assertThat(decoded.type()).isEqualTo(type);
		assertThat(decoded.specversion()).isEqualTo("1.0");
		assertThat(decoded.source()).isEqualTo(envelope.get("source").asText()).startsWith("/onsite-atlas/");
		assertThat(decoded.dataversion()).isEqualTo(1);
		assertThat(decoded.datacontenttype()).isEqualTo("application/json");
		assertThat(decoded.eventid()).isEqualTo("665f1c2ab4d3e8a9c0f12345");
		assertThat(decoded.correlationid()).isEqualTo("req-node-producer");
		// subject = key = the aggregate id the Java record names.
		assertThat(decoded.subject()).isEqualTo(record.key()).isEqualTo(decoded.data().aggregateId());
		JsonNode value = this.mapper.readTree(record.value());
		assertThat(value.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(decoded.time()).isEqualTo(Instant.parse(envelope.get("time").asText()));
		assertThat(decoded.data()).isInstanceOf(EventCatalog.standard().find(type, 1).payloadType());

		// What travelled is what the library mapped, and the Java record keeps every
		// field
		// of it: a field the library misnamed would be dropped here as unknown.
		assertThat(value).isEqualTo(envelope);
		JsonNode javaView = this.mapper.valueToTree(decoded.data());
		assertContains(type, "data", javaView, envelope.get("data"));
	}

	/** Every field of {@code expected} is in {@code actual} with an equal value. */
	private static void assertContains(String type, String path, JsonNode actual, JsonNode expected) {
		if (expected.isObject()) {
			assertThat(actual).as("%s: %s", type, path).isNotNull();
			assertThat(actual.isObject()).as("%s: %s is an object", type, path).isTrue();
			for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				assertContains(type, path + "." + field.getKey(), actual.get(field.getKey()), field.getValue());
			}
		}
		else if (expected.isArray()) {
			assertThat(actual).as("%s: %s", type, path).isNotNull();
			assertThat(actual.size()).as("%s: %s", type, path).isEqualTo(expected.size());
			for (int i = 0; i < expected.size(); i++) {
				assertContains(type, path + "[" + i + "]", actual.get(i), expected.get(i));
			}
		}
		else {
			assertThat(actual).as("%s: %s", type, path).isNotNull();
			assertThat(actual.asText()).as("%s: %s", type, path).isEqualTo(expected.asText());
		}
	}

	private JsonNode runPublishAll() throws Exception {
		Path packageDir = Path.of(System.getProperty("atlas.node.package", ".")).toAbsolutePath();
		Process process = new ProcessBuilder(System.getProperty("atlas.node.executable", "node"),
				"integration/publish-all.mjs", brokers())
			.directory(packageDir.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		process.getOutputStream().close();
		byte[] stdout = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("publish-all.mjs finished").isTrue();
		assertThat(process.exitValue()).as("publish-all.mjs exit code (its errors are above)").isZero();
		String output = new String(stdout, StandardCharsets.UTF_8).strip();
		return this.mapper.readTree(output.substring(output.lastIndexOf('\n') + 1));
	}

	private List<ConsumerRecord<String, byte[]>> readAll(int expected) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
						"earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = ATLAS_TOPICS.stream()
				.map((topic) -> new TopicPartition(topic, 0))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return records.size() >= expected;
			});
		}
		return records;
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
