package com.onsiteatlas.suite;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onsiteatlas.domainevents.EventCatalog;
import com.onsiteatlas.domainevents.EventType;
import com.onsiteatlas.domainevents.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults the suite meets in production, on the real processes: the broker, a database and
 * the SMTP server going away and coming back, a service killed mid-batch, two instances
 * of a service, and poison on every consumed topic. Each test checks that nothing is lost
 * and nothing is doubled, and leaves the suite healthy for the next one. Provider answers
 * (503, 429 with Retry-After, a hang past the timeout) are exercised against stand-in
 * servers in notification-service's ProviderDeliveryTests; see docs/faults.md for the
 * whole list.
 */
@Order(6)
class FaultTests {

	static final String ADMIN = Tokens.staff(Tokens.ADMIN_ID);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final List<String> GROUPS = List.of("notification-service", "lodging-travel-service",
			"reporting-service");

	private static SuiteHarness suite;

	@BeforeAll
	static void startSuite() {
		suite = SuiteHarness.get();
	}

	@Test
	void theBrokerStoppedAndRestartedWhileEventsFlowLosesAndDoublesNothing() throws Exception {
		String eventId = Platform.newObjectId();
		String domain = "kafka-" + eventId + ".test";
		Platform.conference(eventId, 30);
		confirmationTrigger(eventId);
		List<String> before = publishRegistrations(eventId, domain, 0, 40);
		awaitOneMailEach(domain, before.size() / 2, Duration.ofSeconds(60), true);

		List<Future<RecordMetadata>> pending = new ArrayList<>();
		try (KafkaProducer<String, byte[]> producer = patientProducer()) {
			// Knowing the topic's leader lets the producer buffer while the broker is
			// away (without it, send() itself would wait for metadata).
			assertThat(producer.partitionsFor("atlas.registrations")).isNotEmpty();
			suite.stop("kafka");
			// Published while the broker is down: the producer keeps them until it is
			// back, as the ONSITE ATLAS producers do. Meanwhile the services' outboxes
			// hold the notification-sent events of the mails still being sent.
			for (int i = 40; i < 80; i++) {
				ObjectNode envelope = registrationEnvelope(eventId, domain, i);
				pending.add(producer.send(new ProducerRecord<>("atlas.registrations", envelope.get("subject").asText(),
						Platform.JSON.writeValueAsBytes(envelope))));
			}
			suite.start("kafka");
			for (Future<RecordMetadata> send : pending) {
				send.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			ensureRunning("kafka");
		}

		Map<String, Integer> mails = awaitOneMailEach(domain, 80, Duration.ofSeconds(120), false);
		assertThat(mails).hasSize(80).allSatisfy((recipient, count) -> assertThat(count).isEqualTo(1));
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			assertThat(reportRows(eventId, "registrations")).isEqualTo(80);
			assertThat(reportRows(eventId, "notifications")).isEqualTo(80);
		});
		assertThat(logTotal(eventId, "sent")).isEqualTo(80);
	}

	@Test
	void anUnavailableDatabaseAnswers503AtOnceAndItsConsumerResumesWithoutLosingEvents() throws Exception {
		String eventId = Platform.newObjectId();
		String domain = "mongo-" + eventId + ".test";
		Platform.conference(eventId, 30);
		confirmationTrigger(eventId);
		String templates = "/api/events/" + eventId + "/notification-templates";
		assertThat(Platform.call("GET", templates, ADMIN, null).status()).isEqualTo(200);

		suite.stop("mongo-notification");
		try {
			// A client that gives up after 10 s, well below the driver's 30 s
			// server-selection default: a request that waits for the database fails here.
			for (String method : List.of("GET", "POST")) {
				Platform.Response down = impatientCall(method, templates, method.equals("GET") ? null : Map.of("name",
						"During the outage", "type", "email", "subject", "Hi", "contentHtml", "<p>Hi</p>"));
				assertThat(down.status()).as(method + " " + down.raw()).isEqualTo(503);
				assertThat(down.body().get("success").asBoolean()).isFalse();
				assertThat(down.body().get("message").asText()).isNotBlank();
			}

			List<String> published = publishRegistrations(eventId, domain, 0, 20);
			// With the database down the consumer holds the first record: longer than the
			// suite's retry budget (two attempts, then dead-lettering) the lag stays, and
			// nothing is dead-lettered.
			await().during(Duration.ofSeconds(12))
				.atMost(Duration.ofSeconds(30))
				.until(() -> lag("notification-service", "atlas.registrations") > 0);
			assertThat(deadLettered("atlas.registrations", "notification-service", new HashSet<>(published))).isEmpty();
		}
		finally {
			ensureRunning("mongo-notification");
		}

		Map<String, Integer> mails = awaitOneMailEach(domain, 20, Duration.ofSeconds(120), false);
		assertThat(mails).hasSize(20).allSatisfy((recipient, count) -> assertThat(count).isEqualTo(1));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(Platform.call("GET", templates, ADMIN, null).status()).isEqualTo(200));
	}

	@Test
	void theSmtpServerDownDuringABulkSendDeliversEveryMessageOnceWhenItIsBack() {
		String eventId = Platform.newObjectId();
		String domain = "smtp-" + eventId + ".test";
		Platform.conference(eventId, 30);
		String templateId = emailTemplate(eventId, "Reminder", "See you soon, {{name}}");

		suite.stop("mail");
		try {
			Platform.Response queued = send(eventId, templateId, domain, 0, 300);
			assertThat(queued.data().get("queued").asInt()).isEqualTo(300);
			// The dispatcher meets the refused connection and schedules retries.
			await().atMost(Duration.ofSeconds(60)).until(() -> retriedAfterRefusedConnection(eventId));
		}
		finally {
			ensureRunning("mail");
		}

		Map<String, Integer> mails = awaitOneMailEach(domain, 300, Duration.ofSeconds(180), false);
		assertThat(mails).hasSize(300).allSatisfy((recipient, count) -> assertThat(count).isEqualTo(1));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(logTotal(eventId, "sent")).isEqualTo(300));
		assertThat(logTotal(eventId, "failed")).isZero();
	}

	@Test
	void aDispatcherKilledMidBatchNextToASecondInstanceLosesNothingAndDoublesAtMostItsInFlightSends() {
		String eventId = Platform.newObjectId();
		String domain = "kill-" + eventId + ".test";
		Platform.conference(eventId, 30);
		String templateId = emailTemplate(eventId, "Programme update", "The programme changed, {{name}}");
		suite.startAnotherInstance("notification-service", "notification-service-2");
		try {
			for (int first = 0; first < 1500; first += 500) {
				assertThat(send(eventId, templateId, domain, first, 500).data().get("queued").asInt()).isEqualTo(500);
			}
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> mailSummary(domain).get("count").asInt() >= 300);
			suite.kill("notification-service");
			int sentAtKill = mailSummary(domain).get("count").asInt();
			assertThat(sentAtKill).as("killed mid-batch").isLessThan(1500);
			suite.start("notification-service");

			Map<String, Integer> mails = awaitOneMailEach(domain, 1500, Duration.ofSeconds(180), true);
			assertThat(mails).hasSize(1500);
			// At most the sends in flight in the killed instance (its concurrency, 8) can
			// be repeated, and a repeat carries the same Message-ID so mail clients
			// collapse it.
			Map<String, Integer> repeated = new LinkedHashMap<>();
			mails.forEach((recipient, count) -> {
				if (count > 1) {
					repeated.put(recipient, count);
				}
			});
			assertThat(repeated.size()).as("repeated: %s", repeated).isLessThanOrEqualTo(8);
			for (String recipient : repeated.keySet()) {
				JsonNode copies = Platform.mailTo(recipient);
				Set<String> messageIds = new HashSet<>();
				copies.forEach((mail) -> messageIds.add(mail.get("messageId").asText()));
				assertThat(messageIds).as(recipient).hasSize(1);
			}
			await().atMost(Duration.ofSeconds(90))
				.untilAsserted(() -> assertThat(logTotal(eventId, "sent")).isEqualTo(1500));
		}
		finally {
			ensureRunning("notification-service");
			suite.stop("notification-service-2");
			awaitGatewayServesOnlyLiveInstances(eventId);
		}
	}

	@Test
	void aProjectionKilledMidIngestRebuildsExactlyOnceFromTheTopic() throws Exception {
		String eventId = Platform.newObjectId();
		String domain = "ingest-" + eventId + ".test";
		Platform.conference(eventId, 30);
		// Not the preview's 1,000-row cap: the rows are counted per registration by a
		// grouped preview, so a lost or a doubled row shows.
		int registrations = 1200;
		try (KafkaProducer<String, byte[]> producer = patientProducer()) {
			List<Future<RecordMetadata>> sends = new ArrayList<>();
			for (int i = 0; i < registrations; i++) {
				ObjectNode envelope = registrationEnvelope(eventId, domain, i);
				sends.add(producer.send(new ProducerRecord<>("atlas.registrations", envelope.get("subject").asText(),
						Platform.JSON.writeValueAsBytes(envelope))));
			}
			for (Future<RecordMetadata> send : sends) {
				send.get(60, TimeUnit.SECONDS);
			}
		}
		try {
			await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> reportRows(eventId, "registrations") >= 50);
			suite.kill("reporting-service");
		}
		finally {
			ensureRunning("reporting-service");
		}
		await().atMost(Duration.ofSeconds(180))
			.untilAsserted(() -> assertThat(rowsPerRegistration(eventId)).hasSize(registrations));
		assertThat(rowsPerRegistration(eventId)).hasSize(registrations)
			.allSatisfy((registration, rows) -> assertThat(rows).as(registration).isEqualTo(1));
	}

	@Test
	void twoInstancesOfEachConsumerHandleEveryRegistrationOnceThoughOneIsKilledMidway() throws Exception {
		String eventId = Platform.newObjectId();
		String domain = "pair-" + eventId + ".test";
		Platform.conference(eventId, 30);
		confirmationTrigger(eventId);
		try (Admin admin = admin()) {
			assertThat(admin.describeTopics(List.of("atlas.registrations"))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.get("atlas.registrations")
				.partitions()).hasSize(SuiteHarness.PARTITIONS);
		}
		suite.startAnotherInstance("reporting-service", "reporting-service-2");
		suite.startAnotherInstance("notification-service", "notification-service-2");
		try {
			// Each instance holds some of the topic's partitions before anything is
			// published.
			await().atMost(Duration.ofSeconds(90))
				.untilAsserted(() -> assertThat(List.of(membersHolding("reporting-service", "atlas.registrations"),
						membersHolding("notification-service", "atlas.registrations")))
					.containsOnly(2L));
			List<String> published = new ArrayList<>(publishRegistrations(eventId, domain, 0, 150));
			await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> rowsPerRegistration(eventId).size() >= 30);
			suite.kill("reporting-service");
			published.addAll(publishRegistrations(eventId, domain, 150, 150));
			suite.start("reporting-service");

			await().atMost(Duration.ofSeconds(180))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(rowsPerRegistration(eventId)).hasSize(published.size()));
			assertThat(rowsPerRegistration(eventId)).hasSize(300)
				.allSatisfy((registration, rows) -> assertThat(rows).as(registration).isEqualTo(1));
			Map<String, Integer> mails = awaitOneMailEach(domain, 300, Duration.ofSeconds(180), false);
			assertThat(mails).hasSize(300).allSatisfy((recipient, count) -> assertThat(count).isEqualTo(1));
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(logTotal(eventId, "sent")).isEqualTo(300));
			assertThat(mailSummary(domain).get("count").asInt()).as("confirmation mails").isEqualTo(300);
		}
		finally {
			ensureRunning("reporting-service");
			suite.stop("reporting-service-2");
			suite.stop("notification-service-2");
			awaitGatewayServesOnlyLiveInstances(eventId);
		}
	}

	/**
	 * Waits until the gateway no longer routes to a stopped instance (its discovery and
	 * load-balancer caches) and the circuit breakers the dead calls opened have closed
	 * again: ten POSTs in a row to each service reach a live instance. POSTs, because the
	 * gateway retries only GETs on another instance when a connection is refused.
	 */
	private static void awaitGatewayServesOnlyLiveInstances(String eventId) {
		String unknownTemplate = "/api/events/" + eventId + "/notification-templates/" + "0".repeat(24) + "/preview";
		await("gateway routes to live instances only").atMost(Duration.ofSeconds(150))
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptions()
			.until(() -> IntStream.range(0, 10)
				.allMatch((i) -> Platform
					.call("POST", "/api/events/" + eventId + "/reports/preview", ADMIN,
							Map.of("reportType", "registrations", "limit", 1))
					.status() == 200 && Platform.call("POST", unknownTemplate, ADMIN, Map.of()).status() == 404));
	}

	/**
	 * The consumer groups that hold a partition of each topic, as the broker sees them.
	 */
	private static Map<String, Set<String>> liveConsumers() throws Exception {
		Map<String, Set<String>> consumers = new LinkedHashMap<>();
		try (Admin admin = admin()) {
			admin.describeConsumerGroups(GROUPS)
				.all()
				.get(30, TimeUnit.SECONDS)
				.forEach(
						(group, description) -> description.members()
							.forEach((member) -> member.assignment()
								.topicPartitions()
								.forEach((partition) -> consumers
									.computeIfAbsent(partition.topic(), (t) -> new HashSet<>())
									.add(group))));
		}
		return consumers;
	}

	/** Members of the consumer group that hold a partition of the topic. */
	private static long membersHolding(String group, String topic) throws Exception {
		try (Admin admin = admin()) {
			return admin.describeConsumerGroups(List.of(group))
				.all()
				.get(30, TimeUnit.SECONDS)
				.get(group)
				.members()
				.stream()
				.filter((member) -> member.assignment()
					.topicPartitions()
					.stream()
					.anyMatch((partition) -> partition.topic().equals(topic)))
				.count();
		}
	}

	@Test
	void poisonOnEveryConsumedTopicIsDeadLetteredByEachConsumerAndConsumptionGoesOn() throws Exception {
		Map<String, Set<String>> expected = documentedConsumers();
		// A group that has just lost or gained a member (an instance restarted by an
		// earlier test) holds no partitions until its rebalance ends: wait for it.
		Map<String, Set<String>> consumers = await("consumer groups of each topic, live vs docs/events.md")
			.atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.until(FaultTests::liveConsumers, expected::equals);

		Map<String, Set<String>> poisonKeys = new LinkedHashMap<>();
		List<String> skippedKeys = new ArrayList<>();
		for (String topic : consumers.keySet()) {
			EventType type = EventCatalog.standard().onTopic(topic).get(0);
			ObjectNode valid = Platform.golden(type.name());
			Set<String> keys = new HashSet<>();
			// On every partition, so that whichever partition the valid event below
			// lands on, it comes after poison.
			for (int partition = 0; partition < partitions(topic); partition++) {
				String notJson = "poison-json-" + UUID.randomUUID();
				publishRaw(topic, partition, notJson, "{\"specversion\":\"1.0\",".getBytes(StandardCharsets.UTF_8));
				String wrongVersion = "poison-version-" + UUID.randomUUID();
				publishRaw(topic, partition, wrongVersion,
						valid.deepCopy().put("id", wrongVersion).put("dataversion", 99));
				String missingFields = "poison-fields-" + UUID.randomUUID();
				ObjectNode incomplete = valid.deepCopy().put("id", missingFields);
				incomplete.putObject("data");
				publishRaw(topic, partition, missingFields, incomplete);
				String unknownType = "unknown-type-" + UUID.randomUUID();
				publishRaw(topic, partition, unknownType,
						valid.deepCopy().put("id", unknownType).put("type", "seating-chart-published"));
				keys.addAll(List.of(notJson, wrongVersion, missingFields));
				skippedKeys.add(unknownType);
			}
			poisonKeys.put(topic, keys);
		}

		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			for (Map.Entry<String, Set<String>> topic : consumers.entrySet()) {
				for (String group : topic.getValue()) {
					assertThat(deadLettered(topic.getKey(), group, poisonKeys.get(topic.getKey())))
						.as("%s dead letters of %s", topic.getKey(), group)
						.containsExactlyInAnyOrderElementsOf(poisonKeys.get(topic.getKey()));
					assertThat(lag(group, topic.getKey())).as("lag of %s on %s", group, topic.getKey()).isZero();
				}
			}
		});
		for (String topic : consumers.keySet()) {
			for (String group : consumers.get(topic)) {
				assertThat(deadLettered(topic, group, new HashSet<>(skippedKeys))).as("unknown types are skipped")
					.isEmpty();
			}
		}

		// Consumption goes on: a registration published after the poison reaches all
		// three consumers (a confirmation mail, a report row, a travel record lodging
		// accepts only for a registration it knows).
		String eventId = Platform.newObjectId();
		String domain = "after-poison-" + eventId + ".test";
		Platform.conference(eventId, 30);
		confirmationTrigger(eventId);
		String registration = publishRegistrations(eventId, domain, 0, 1).get(0);
		awaitOneMailEach(domain, 1, Duration.ofSeconds(60), false);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(rowsPerRegistration(eventId)).containsExactly(Map.entry("REG-00000", 1)));
		LocalDate arrival = LocalDate.now(ZoneOffset.UTC).plusDays(29);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(
							Platform.call(
									"POST", "/api/events/" + eventId + "/travel-info", ADMIN, Map.of(
											"registration", registration, "arrival", Map.of("date", arrival.toString(),
													"time", "10:30", "flightNumber", "AI 101", "airport", "DEL"),
											"departure",
											Map.of("date", arrival.plusDays(2).toString(), "time", "18:00",
													"flightNumber", "AI 102", "airport", "DEL")))
								.status())
						.isEqualTo(201));
	}

	/**
	 * The consumer groups of each topic as docs/events.md's topic table lists them
	 * (column "Consumers"), which is what each service's handlers subscribe to.
	 */
	static Map<String, Set<String>> documentedConsumers() throws IOException {
		Map<String, Set<String>> consumers = new LinkedHashMap<>();
		int topics = 0;
		for (String line : java.nio.file.Files.readAllLines(SecurityMatrixTests.root().resolve("docs/events.md"))) {
			if (line.startsWith("| `atlas.")) {
				topics++;
				String[] cells = line.split("\\|");
				String topic = cells[1].trim().replace("`", "");
				Set<String> groups = new HashSet<>(List.of(cells[cells.length - 1].trim().split(",\\s*")));
				groups.retainAll(GROUPS);
				if (!groups.isEmpty()) {
					consumers.put(topic, groups);
				}
			}
		}
		assertThat(topics).as("topics in docs/events.md").isEqualTo(Topics.all().size());
		return consumers;
	}

	// --- helpers -------------------------------------------------------------------

	private static void ensureRunning(String name) {
		try {
			suite.start(name);
		}
		catch (IllegalStateException ex) {
			if (!ex.getMessage().endsWith("is running")) {
				throw ex;
			}
		}
	}

	private static String emailTemplate(String eventId, String subject, String text) {
		Platform.Response template = Platform.call("POST", "/api/events/" + eventId + "/notification-templates", ADMIN,
				Map.of("name", subject + " " + UUID.randomUUID(), "type", "email", "subject", subject, "contentHtml",
						"<p>" + text + "</p>", "contentText", text));
		assertThat(template.status()).as(template.raw()).isEqualTo(201);
		return template.data().get("_id").asText();
	}

	private static void confirmationTrigger(String eventId) {
		String templateId = emailTemplate(eventId, "Welcome {{firstName}}",
				"Registration {{registrationId}} confirmed");
		Platform.Response trigger = Platform.call("POST", "/api/events/" + eventId + "/notification-triggers", ADMIN,
				Map.of("name", "Confirm registrations", "triggerType", "event", "eventType", "registration-created",
						"templates", List.of(Map.of("channel", "email", "template", templateId))));
		assertThat(trigger.status()).as(trigger.raw()).isEqualTo(201);
	}

	private static Platform.Response send(String eventId, String templateId, String domain, int first, int count) {
		List<Map<String, String>> recipients = IntStream.range(first, first + count)
			.mapToObj((i) -> Map.of("name", "Guest " + i, "email", "guest" + i + "@" + domain))
			.toList();
		Platform.Response queued = Platform.call("POST", "/api/events/" + eventId + "/notifications/send", ADMIN,
				Map.of("templateId", templateId, "recipients", recipients));
		assertThat(queued.status()).as(queued.raw()).isEqualTo(202);
		return queued;
	}

	private static ObjectNode registrationEnvelope(String eventId, String domain, int index) {
		ObjectNode envelope = Platform.golden("registration-created");
		String registrationId = Platform.newObjectId();
		envelope.put("subject", registrationId).put("eventid", eventId);
		ObjectNode data = (ObjectNode) envelope.get("data");
		((ObjectNode) data.get("event")).put("_id", eventId).put("name", "Fault Congress");
		ObjectNode registration = (ObjectNode) data.get("registration");
		registration.put("_id", registrationId).put("registrationId", String.format("REG-%05d", index));
		((ObjectNode) registration.get("personalInfo")).put("firstName", "Guest" + index)
			.put("email", "guest" + index + "@" + domain);
		return envelope;
	}

	private static List<String> publishRegistrations(String eventId, String domain, int first, int count) {
		List<String> keys = new ArrayList<>();
		for (int i = first; i < first + count; i++) {
			ObjectNode envelope = registrationEnvelope(eventId, domain, i);
			Platform.publish("atlas.registrations", envelope.get("subject").asText(), envelope);
			keys.add(envelope.get("subject").asText());
		}
		return keys;
	}

	/**
	 * Waits until {@code expected} recipients of the domain have mail, then (unless
	 * {@code allowRepeats}) checks nobody got two.
	 * @return mails per recipient
	 */
	private static Map<String, Integer> awaitOneMailEach(String domain, int expected, Duration atMost,
			boolean allowRepeats) {
		Map<String, Integer> perRecipient = new HashMap<>();
		await().atMost(atMost).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			JsonNode summary = mailSummary(domain);
			perRecipient.clear();
			summary.get("recipients").properties().forEach((entry) -> {
				if (entry.getKey().endsWith("@" + domain)) {
					perRecipient.put(entry.getKey(), entry.getValue().asInt());
				}
			});
			if (!allowRepeats) {
				assertThat(perRecipient).allSatisfy((recipient, count) -> assertThat(count).isEqualTo(1));
			}
			assertThat(perRecipient).hasSizeGreaterThanOrEqualTo(expected);
		});
		return perRecipient;
	}

	private static JsonNode mailSummary(String domain) {
		try {
			HttpResponse<String> response = HTTP.send(HttpRequest
				.newBuilder(URI.create(suite.mailApi() + "/api/messages/summary?to="
						+ URLEncoder.encode("@" + domain, StandardCharsets.UTF_8)))
				.timeout(Duration.ofSeconds(20))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			return Platform.JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int reportRows(String eventId, String reportType) {
		Platform.Response preview = Platform.call("POST", "/api/events/" + eventId + "/reports/preview", ADMIN,
				Map.of("reportType", reportType, "limit", 1000));
		assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
		return preview.data().size();
	}

	/**
	 * Registration rows of the event per human registration id, counted by a grouped
	 * preview (groups are not capped at the 1,000 rows of a plain preview).
	 */
	private static Map<String, Integer> rowsPerRegistration(String eventId) {
		Platform.Response grouped = Platform.call("POST", "/api/events/" + eventId + "/reports/preview", ADMIN,
				Map.of("reportType", "registrations", "groupBy", List.of("registrationId"), "metrics",
						List.of(Map.of("type", "count"))));
		assertThat(grouped.status()).as(grouped.raw()).isEqualTo(200);
		Map<String, Integer> rows = new HashMap<>();
		grouped.data().forEach((group) -> rows.put(group.get("registrationId").asText(), group.get("count").asInt()));
		return rows;
	}

	private static long logTotal(String eventId, String status) {
		Platform.Response log = Platform.call("GET",
				"/api/events/" + eventId + "/notifications?limit=1&status=" + status, ADMIN, null);
		assertThat(log.status()).as(log.raw()).isEqualTo(200);
		return log.body().get("meta").get("pagination").get("total").asLong();
	}

	/** Whether the dispatcher met the outage: a retry after a refused connection. */
	private static boolean retriedAfterRefusedConnection(String eventId) {
		Platform.Response log = Platform.call("GET", "/api/events/" + eventId + "/notifications?limit=500", ADMIN,
				null);
		for (JsonNode notification : log.data()) {
			for (JsonNode attempt : notification.path("attempts")) {
				if (attempt.path("outcome").asText().equals("retry")
						&& attempt.path("errorCode").asText().equals("ECONNREFUSED")) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * A call through the gateway that gives up after 10 s.
	 */
	private static Platform.Response impatientCall(String method, String path, Object body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.gateway() + path))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + ADMIN);
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofByteArray(Platform.JSON.writeValueAsBytes(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Platform.Response(response.statusCode(), Platform.JSON.readTree(response.body()), response.body());
	}

	private static void publishRaw(String topic, int partition, String key, Object value) throws Exception {
		byte[] bytes = (value instanceof byte[] raw) ? raw : Platform.JSON.writeValueAsBytes(value);
		try (KafkaProducer<String, byte[]> producer = patientProducer()) {
			producer.send(new ProducerRecord<>(topic, partition, key, bytes)).get(30, TimeUnit.SECONDS);
		}
	}

	private static int partitions(String topic) throws Exception {
		try (Admin admin = admin()) {
			return admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.get(topic)
				.partitions()
				.size();
		}
	}

	private static KafkaProducer<String, byte[]> patientProducer() {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrap(), ProducerConfig.ACKS_CONFIG,
						"all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5,
						ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 180_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
						10_000, ProducerConfig.MAX_BLOCK_MS_CONFIG, 180_000),
				new StringSerializer(), new ByteArraySerializer());
	}

	private static Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrap()));
	}

	/** Records of the topic not yet committed by the group. */
	private static long lag(String group, String topic) throws Exception {
		try (Admin admin = admin()) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get(30, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.get(topic)
				.partitions()
				.forEach((p) -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
			long lag = 0;
			for (var end : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
				OffsetAndMetadata done = committed.get(end.getKey());
				lag += end.getValue().offset() - ((done != null) ? done.offset() : 0);
			}
			return lag;
		}
	}

	/** The keys among {@code keys} that the group dead-lettered from the topic. */
	private static Set<String> deadLettered(String topic, String group, Set<String> keys) {
		Set<String> found = new HashSet<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrap(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.deadLetter(topic), Duration.ofSeconds(20))
				.stream()
				.map((p) -> new TopicPartition(p.topic(), p.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((p) -> consumer.position(p) < ends.get(p))) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
					Header origin = record.headers().lastHeader("kafka_dlt-original-consumer-group");
					if (origin != null && new String(origin.value(), StandardCharsets.UTF_8).equals(group)
							&& keys.contains(record.key())) {
						found.add(record.key());
					}
				}
			}
		}
		return found;
	}

}
