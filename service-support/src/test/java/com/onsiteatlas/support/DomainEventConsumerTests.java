package com.onsiteatlas.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.support.testing.ServiceTestProperties;
import com.onsiteatlas.support.testing.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer every service uses: idempotent per envelope id, retries with backoff,
 * dead-letters poison.
 */
class DomainEventConsumerTests extends SupportIntegrationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	ReactiveMongoTemplate mongo;

	/**
	 * A registration-created event as a Node producer would write it, from the contract's
	 * golden sample.
	 */
	static ObjectNode registrationCreated(String registrationId, String firstName) throws IOException {
		try (InputStream in = DomainEventConsumerTests.class
			.getResourceAsStream("/golden/registration-created.v1.json")) {
			ObjectNode envelope = (ObjectNode) JSON.readTree(in);
			envelope.put("id", UUID.randomUUID().toString());
			envelope.put("subject", registrationId);
			ObjectNode registration = (ObjectNode) envelope.get("data").get("registration");
			registration.put("_id", registrationId);
			((ObjectNode) registration.get("personalInfo")).put("firstName", firstName);
			return envelope;
		}
	}

	private void send(String key, byte[] value) throws Exception {
		this.kafka.send(Topics.REGISTRATIONS, key, value).get(10, TimeUnit.SECONDS);
	}

	private Integer seenCount(String registrationId) {
		Document seen = this.mongo.findById(registrationId, Document.class, "seen_registrations").block();
		return (seen != null) ? seen.getInteger("count") : null;
	}

	@Test
	void handlesAnEventOnceWhenItIsDeliveredTwice() throws Exception {
		String registrationId = new ObjectId().toHexString();
		byte[] event = JSON.writeValueAsBytes(registrationCreated(registrationId, "Asha"));
		send(registrationId, event);
		send(registrationId, event);
		String marker = new ObjectId().toHexString();
		send(registrationId, JSON.writeValueAsBytes(registrationCreated(marker, "Marker")));
		// Same key, so once the later marker is handled the duplicate before it has been
		// handled too (records of different keys may be handled at the same time).
		await().atMost(Duration.ofSeconds(20)).until(() -> seenCount(marker) != null);
		assertThat(seenCount(registrationId)).isEqualTo(1);
	}

	@Test
	void callsAnnotatedListenerMethodsWithThePayloadOncePerEnvelope() throws Exception {
		String eventId = new ObjectId().toHexString();
		ObjectNode deleted;
		try (InputStream in = DomainEventConsumerTests.class.getResourceAsStream("/golden/event-deleted.v1.json")) {
			deleted = (ObjectNode) JSON.readTree(in);
		}
		deleted.put("id", UUID.randomUUID().toString());
		deleted.put("subject", eventId);
		deleted.put("eventid", eventId);
		((ObjectNode) deleted.get("data")).put("eventId", eventId);
		byte[] event = JSON.writeValueAsBytes(deleted);
		this.kafka.send(Topics.EVENTS, eventId, event).get(10, TimeUnit.SECONDS);
		this.kafka.send(Topics.EVENTS, eventId, event).get(10, TimeUnit.SECONDS);
		ObjectNode marker = deleted.deepCopy();
		marker.put("id", UUID.randomUUID().toString());
		((ObjectNode) marker.get("data")).put("eventId", "marker-" + eventId);
		this.kafka.send(Topics.EVENTS, eventId, JSON.writeValueAsBytes(marker)).get(10, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(20)).until(() -> deletedCount("marker-" + eventId) != null);
		assertThat(deletedCount(eventId)).isEqualTo(1);
	}

	private Integer deletedCount(String eventId) {
		Document seen = this.mongo.findById(eventId, Document.class, "deleted_conferences").block();
		return (seen != null) ? seen.getInteger("count") : null;
	}

	@Test
	void retriesTransientFailuresUntilTheyPass() throws Exception {
		String registrationId = new ObjectId().toHexString();
		send(registrationId, JSON.writeValueAsBytes(registrationCreated(registrationId, "FailTwice")));
		await().atMost(Duration.ofSeconds(20)).until(() -> seenCount(registrationId) != null);
		assertThat(seenCount(registrationId)).isEqualTo(1);
		assertThat(deadLetters(registrationId)).isZero();
	}

	@Test
	void waitsForAnUnavailableDatabaseInsteadOfDeadLettering() throws Exception {
		String registrationId = new ObjectId().toHexString();
		send(registrationId, JSON.writeValueAsBytes(registrationCreated(registrationId, "DatabaseDown")));
		String after = new ObjectId().toHexString();
		send(registrationId, JSON.writeValueAsBytes(registrationCreated(after, "After")));
		// More failed attempts than retry-max-attempts (3), yet handled once, in order
		// (the same key), and never dead-lettered.
		await().atMost(Duration.ofSeconds(30)).until(() -> seenCount(after) != null);
		assertThat(seenCount(registrationId)).isEqualTo(1);
		assertThat(deadLetters(registrationId)).isZero();
	}

	@Test
	void deadLettersMalformedMessagesAndKeepsConsuming() throws Exception {
		String poisonKey = new ObjectId().toHexString();
		send(poisonKey, "{not json".getBytes(StandardCharsets.UTF_8));
		String missingField = new ObjectId().toHexString();
		ObjectNode incomplete = registrationCreated(missingField, "Incomplete");
		((ObjectNode) incomplete.get("data")).remove("registration");
		send(missingField, JSON.writeValueAsBytes(incomplete));
		String wrongVersion = new ObjectId().toHexString();
		send(wrongVersion, JSON.writeValueAsBytes(registrationCreated(wrongVersion, "Future").put("dataversion", 99)));
		String after = new ObjectId().toHexString();
		send(after, JSON.writeValueAsBytes(registrationCreated(after, "After")));

		await().atMost(Duration.ofSeconds(20)).until(() -> seenCount(after) != null);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(deadLetters(poisonKey)).isEqualTo(1);
			assertThat(deadLetters(missingField)).isEqualTo(1);
			assertThat(deadLetters(wrongVersion)).isEqualTo(1);
		});
		assertThat(seenCount(missingField)).isNull();
	}

	@Test
	void deadLettersWhatStillFailsAfterRetriesAndPermanentFailuresAtOnce() throws Exception {
		String failing = new ObjectId().toHexString();
		send(failing, JSON.writeValueAsBytes(registrationCreated(failing, "AlwaysFail")));
		String invalid = new ObjectId().toHexString();
		send(invalid, JSON.writeValueAsBytes(registrationCreated(invalid, "Invalid")));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(deadLetters(failing)).isEqualTo(1);
			assertThat(deadLetters(invalid)).isEqualTo(1);
		});
	}

	@Test
	void skipsUnknownEventTypesWithoutDeadLettering() throws Exception {
		String key = new ObjectId().toHexString();
		ObjectNode unknown = registrationCreated(key, "Unknown");
		unknown.put("type", "registration-teleported");
		send(key, JSON.writeValueAsBytes(unknown));
		String after = new ObjectId().toHexString();
		send(after, JSON.writeValueAsBytes(registrationCreated(after, "AfterUnknown")));
		await().atMost(Duration.ofSeconds(20)).until(() -> seenCount(after) != null);
		assertThat(seenCount(key)).isNull();
		assertThat(deadLetters(key)).isZero();
	}

	@Test
	void acceptsAnEventPublishedByANonJavaClient() throws Exception {
		String kcat = findOnPath("kcat");
		Assumptions.assumeTrue(kcat != null, "kcat is not installed (apt-get install kcat); .ci/run installs it");
		String registrationId = new ObjectId().toHexString();
		String json = JSON.writeValueAsString(registrationCreated(registrationId, "Kcat"));
		Process process = new ProcessBuilder(kcat, "-P", "-b", ServiceTestProperties.kafkaBrokers(), "-t",
				Topics.REGISTRATIONS, "-k", registrationId, "-H", "ce_type=registration-created")
			.redirectErrorStream(true)
			.start();
		process.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().close();
		assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
		await().atMost(Duration.ofSeconds(20)).until(() -> seenCount(registrationId) != null);
		assertThat(seenCount(registrationId)).isEqualTo(1);
	}

	private long deadLetters(String key) {
		return TopicReader.readAll(Topics.deadLetter(Topics.REGISTRATIONS))
			.stream()
			.filter((record) -> key.equals(record.key()))
			.count();
	}

	private static String findOnPath(String command) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			java.io.File file = new java.io.File(dir, command);
			if (file.canExecute()) {
				return file.getAbsolutePath();
			}
		}
		return null;
	}

}
