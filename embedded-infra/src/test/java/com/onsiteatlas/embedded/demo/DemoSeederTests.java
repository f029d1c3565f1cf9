package com.onsiteatlas.embedded.demo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.EventCodec;
import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.domainevents.conference.EventCreated;
import com.onsiteatlas.domainevents.registration.RegistrationCreated;
import com.onsiteatlas.embedded.TestInfra;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DemoSeederTests {

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	private final DemoSeeder seeder = new DemoSeeder(Clock.fixed(NOW, ZoneOffset.UTC));

	private final EventCodec codec = new EventCodec();

	private final ObjectMapper json = new ObjectMapper();

	@TempDir
	Path dir;

	@Test
	void publishesTheConferenceAndFiveRegistrationsAsDecodableDomainEvents() throws Exception {
		String bootstrap = TestInfra.get().kafkaBootstrapServers();

		this.seeder.publish(bootstrap);

		List<ConsumerRecord<String, byte[]>> conference = readAll(bootstrap, Topics.EVENTS, 1);
		List<ConsumerRecord<String, byte[]>> registrations = readAll(bootstrap, Topics.REGISTRATIONS, 5);
		ConsumerRecord<String, byte[]> created = conference.get(conference.size() - 1);
		assertThat(created.key()).isEqualTo(DemoData.EVENT_ID);
		assertThat(header(created, "ce_type")).isEqualTo("event-created");
		assertThat(header(created, "content-type")).isEqualTo("application/cloudevents+json");
		EventEnvelope<DomainEventPayload> envelope = this.codec.decode(created.value());
		assertThat(header(created, "ce_id")).isEqualTo(envelope.id());
		assertThat(envelope.eventid()).isEqualTo(DemoData.EVENT_ID);
		EventCreated event = (EventCreated) envelope.data();
		assertThat(event.event().name()).isEqualTo("Atlas Demo Congress 2026");
		assertThat(event.event().timezone()).isEqualTo("Asia/Kolkata");
		assertThat(event.event().currency()).isEqualTo("INR");
		assertThat(event.event().startDate()).isEqualTo(Instant.parse("2026-04-30T03:30:00Z"));

		List<RegistrationCreated> seeded = registrations.subList(registrations.size() - 5, registrations.size())
			.stream()
			.map((record) -> (RegistrationCreated) this.codec.decode(record.value()).data())
			.toList();
		assertThat(seeded).extracting((r) -> r.registration().registrationId())
			.containsExactly("REG-0001", "REG-0002", "REG-0003", "REG-0004", "REG-0005");
		assertThat(seeded).extracting((r) -> r.registration().id())
			.containsExactly("65f0a0000000000000000101", "65f0a0000000000000000102", "65f0a0000000000000000103",
					"65f0a0000000000000000104", "65f0a0000000000000000105");
		assertThat(seeded).extracting((r) -> r.registration().paymentStatus()).contains("paid", "pending");
		assertThat(seeded).extracting((r) -> r.registration().personalInfo().firstName()).contains("अनन्या");
		assertThat(seeded).allSatisfy((r) -> {
			assertThat(r.event().id()).isEqualTo(DemoData.EVENT_ID);
			assertThat(r.registration().personalInfo().email()).endsWith("@demo.onsite-atlas.test");
			assertThat(r.registration().personalInfo().phone()).startsWith("+9198765432");
		});
		assertThat(registrations.get(registrations.size() - 1).key()).isEqualTo("65f0a0000000000000000105");
	}

	@Test
	void seedingTwiceOnTheSameDaySendsTheSameEnvelopeIds() {
		List<String> first = this.seeder.envelopes().stream().map(EventEnvelope::id).toList();
		List<String> second = new DemoSeeder(Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC)).envelopes()
			.stream()
			.map(EventEnvelope::id)
			.toList();

		assertThat(second).isEqualTo(first).doesNotHaveDuplicates();
	}

	@Test
	void writesTokensShapedLikeOnsiteAtlasTokens() throws Exception {
		Path file = this.dir.resolve("demo-tokens.env");

		this.seeder.writeTokens("a-secret-of-at-least-thirty-two-bytes-0123", file);

		Properties env = new Properties();
		env.load(Files.newBufferedReader(file, StandardCharsets.UTF_8));
		assertThat(env).containsKeys("ADMIN_TOKEN", "MANAGER_TOKEN", "STAFF_TOKEN", "REGISTRANT_TOKEN", "EVENT_ID");
		assertThat(env.getProperty("EVENT_ID")).isEqualTo("65f0a0000000000000000001");
		JsonNode admin = payload(env.getProperty("ADMIN_TOKEN"));
		assertThat(fieldNames(admin)).containsExactly("id", "iat", "exp");
		assertThat(admin.get("id").asText()).isEqualTo("65f0a00000000000000000a1");
		assertThat(admin.get("exp").asLong() - admin.get("iat").asLong()).isEqualTo(Duration.ofHours(24).toSeconds());
		JsonNode registrant = payload(env.getProperty("REGISTRANT_TOKEN"));
		assertThat(fieldNames(registrant)).containsExactly("id", "type", "eventId", "iat", "exp");
		assertThat(registrant.get("id").asText()).isEqualTo("65f0a0000000000000000101");
		assertThat(registrant.get("type").asText()).isEqualTo("registrant");
		assertThat(registrant.get("eventId").asText()).isEqualTo("65f0a0000000000000000001");
		assertThat(this.json.readTree(decode(env.getProperty("STAFF_TOKEN").split("\\.")[0])).get("alg").asText())
			.isEqualTo("HS256");
	}

	private JsonNode payload(String token) throws Exception {
		return this.json.readTree(decode(token.split("\\.")[1]));
	}

	private static String decode(String part) {
		return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	private static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic, int atLeast) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringDeserializer(),
				new ByteArrayDeserializer())) {
			TopicPartition partition = new TopicPartition(topic, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return records.size() >= atLeast;
			});
			return records;
		}
	}

}
