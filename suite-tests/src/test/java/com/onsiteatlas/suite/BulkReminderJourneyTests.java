package com.onsiteatlas.suite;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Journey 4: a reminder to every paid registrant of a 10,000-registrant conference, sent
 * by hand through the gateway. The registrations arrive as ONSITE ATLAS publishes them;
 * the send is answered at once, delivery paces itself at the configured rate, every paid
 * registrant gets exactly one message and no unpaid one gets any, and the log shows them
 * all as sent.
 */
@Order(7)
class BulkReminderJourneyTests {

	static final String ADMIN = Tokens.staff(Tokens.ADMIN_ID);

	static final int PAID = 10_000;

	/** One unpaid registration after every this many paid ones. */
	static final int UNPAID_EVERY = 40;

	@BeforeAll
	static void startSuite() {
		SuiteHarness.get();
	}

	@Test
	@Timeout(value = 25, unit = TimeUnit.MINUTES)
	void aReminderToTenThousandPaidRegistrantsIsAnsweredAtOncePacedAndDeliveredOnceEach() throws Exception {
		String eventId = Platform.newObjectId();
		Platform.conference(eventId, 30);
		String domain = "bulk-" + eventId + ".suite.test";
		Platform.Response template = Platform.call("POST", "/api/events/" + eventId + "/notification-templates", ADMIN,
				Map.of("name", "Payment reminder", "type", "email", "subject", "See you soon at {{eventName}}",
						"contentHtml",
						"<p>Dear {{firstName}}, your place ({{registrationId}}) is paid and waiting.</p>",
						"contentText", "Dear {{firstName}}, your place ({{registrationId}}) is paid and waiting."));
		assertThat(template.status()).as(template.raw()).isEqualTo(201);
		String templateId = template.data().get("_id").asText();

		Registrations published = publish(eventId, domain);
		assertThat(published.paid()).hasSize(PAID);
		assertThat(published.unpaid()).hasSizeGreaterThan(PAID / UNPAID_EVERY - 2);

		// Ingested: the registration read model of notification-service knows the last
		// registration of every partition (each partition is consumed in order).
		await("registrations ingested by notification-service").atMost(Duration.ofMinutes(10))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				for (String registration : published.lastPerPartition()) {
					Platform.Response preview = Platform.call("POST",
							"/api/events/" + eventId + "/notification-templates/" + templateId + "/preview", ADMIN,
							Map.of("registrationId", registration));
					assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
				}
			});

		Platform.Response send = Platform.call("POST", "/api/events/" + eventId + "/notifications/send", ADMIN,
				Map.of("templateId", templateId, "filter", Map.of("paymentStatus", "paid")));
		// Answered at once (with the exact counts, or with the number accepted while the
		// recording goes on), long before the messages are delivered.
		int deliveredAtAnswer = Platform.mailSummary("@" + domain).get("count").asInt();
		assertThat(send.status()).as(send.raw()).isEqualTo(202);
		assertThat(send.data().get("queued").asInt()).isEqualTo(PAID);
		assertThat(send.data().get("duplicates").asInt()).isZero();
		assertThat(send.data().get("skipped").asInt()).isZero();
		assertThat(deliveredAtAnswer).isLessThan(PAID);

		String notifications = "/api/events/" + eventId + "/notifications";
		await("every reminder sent").atMost(Duration.ofMinutes(15))
			.pollInterval(Duration.ofSeconds(2))
			.untilAsserted(() -> {
				Platform.Response all = Platform.call("GET", notifications + "?limit=1", ADMIN, null);
				assertThat(total(all)).isEqualTo(PAID);
				Platform.Response pending = Platform.call("GET", notifications + "?status=pending&limit=1", ADMIN,
						null);
				assertThat(pending.status()).as(pending.raw()).isEqualTo(200);
				assertThat(total(pending)).isZero();
			});

		// Exactly one message per paid registrant, none to the unpaid ones.
		JsonNode summary = Platform.mailSummary("@" + domain);
		assertThat(summary.get("count").asInt()).isEqualTo(PAID);
		Map<String, Integer> perRecipient = new HashMap<>();
		summary.get("recipients")
			.fields()
			.forEachRemaining((entry) -> perRecipient.put(entry.getKey(), entry.getValue().asInt()));
		assertThat(perRecipient.keySet()).isEqualTo(published.paidEmails());
		assertThat(perRecipient.values()).containsOnly(1);

		// The log, page by page: every paid registration once, sent; nothing failed or
		// skipped.
		Set<String> logged = new HashSet<>();
		List<Instant> sentAt = new ArrayList<>(PAID);
		for (int page = 1;; page++) {
			Platform.Response list = Platform.call("GET",
					notifications + "?status=sent&limit=500&sortBy=sentAt:asc&page=" + page, ADMIN, null);
			assertThat(list.status()).as(list.raw()).isEqualTo(200);
			assertThat(total(list)).isEqualTo(PAID);
			for (JsonNode notification : list.data()) {
				assertThat(notification.get("status").asText()).isEqualTo("sent");
				assertThat(notification.get("template").asText()).isEqualTo(templateId);
				assertThat(logged.add(notification.get("registration").asText())).as("logged once").isTrue();
				sentAt.add(Instant.parse(notification.get("sentAt").asText()));
			}
			if (!list.body().at("/meta/pagination/hasNextPage").asBoolean()) {
				break;
			}
		}
		assertThat(logged).isEqualTo(published.paid());
		for (String status : List.of("failed", "skipped", "cancelled")) {
			assertThat(total(Platform.call("GET", notifications + "?status=" + status + "&limit=1", ADMIN, null)))
				.as(status)
				.isZero();
		}

		// Pacing: at most EMAIL_RATE sends per second per instance, so N sends span at
		// least (N - 1) / rate.
		Duration span = Duration.between(sentAt.stream().min(Instant::compareTo).orElseThrow(),
				sentAt.stream().max(Instant::compareTo).orElseThrow());
		Duration minimum = Duration.ofMillis((PAID - 1) * 1000L / SuiteHarness.EMAIL_RATE);
		assertThat(span).isGreaterThanOrEqualTo(minimum);
	}

	private static long total(Platform.Response list) {
		return list.body().at("/meta/pagination/total").asLong();
	}

	/**
	 * Publishes the registrations as ONSITE ATLAS would, batched by a lingering producer:
	 * {@link #PAID} paid ones and, interleaved, unpaid (pending) ones.
	 */
	private static Registrations publish(String eventId, String domain) throws Exception {
		ObjectNode golden = Platform.golden("registration-created");
		Instant start = Instant.now().plus(Duration.ofDays(30));
		((ObjectNode) golden.get("data").get("event")).put("_id", eventId)
			.put("name", "Suite Congress " + eventId.substring(18))
			.put("startDate", start.toString())
			.put("endDate", start.plus(Duration.ofDays(2)).toString());
		golden.put("eventid", eventId);
		Registrations registrations = new Registrations(new HashSet<>(), new HashSet<>(), new HashSet<>(),
				new HashMap<>());
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				SuiteHarness.get().kafkaBootstrap(), ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG,
				20, ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		List<Future<RecordMetadata>> sent = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			int paid = 0;
			int unpaid = 0;
			for (int i = 0; paid < PAID; i++) {
				boolean isPaid = (i % (UNPAID_EVERY + 1)) != UNPAID_EVERY;
				String id = Platform.newObjectId();
				String email = (isPaid ? "paid-" + paid : "unpaid-" + unpaid) + "@" + domain;
				ObjectNode envelope = golden.deepCopy();
				envelope.put("id", java.util.UUID.randomUUID().toString())
					.put("time", Instant.now().toString())
					.put("subject", id);
				ObjectNode data = (ObjectNode) envelope.get("data");
				data.put("occurredAt", Instant.now().toString());
				ObjectNode registration = (ObjectNode) data.get("registration");
				registration.put("_id", id)
					.put("registrationId", "REG-" + (10_000 + i))
					.put("paymentStatus", isPaid ? "paid" : "pending");
				((ObjectNode) registration.get("personalInfo"))
					.put("firstName", isPaid ? "Paid" + paid : "Unpaid" + unpaid)
					.put("email", email);
				if (isPaid) {
					paid++;
					registrations.paid().add(id);
					registrations.paidEmails().add(email);
				}
				else {
					unpaid++;
					registrations.unpaid().add(id);
				}
				ids.add(id);
				sent.add(producer
					.send(new ProducerRecord<>("atlas.registrations", id, Platform.JSON.writeValueAsBytes(envelope))));
			}
			producer.flush();
		}
		Iterator<String> id = ids.iterator();
		for (Future<RecordMetadata> future : sent) {
			RecordMetadata metadata = future.get(30, TimeUnit.SECONDS);
			registrations.lastByPartition().put(metadata.partition(), id.next());
		}
		return registrations;
	}

	/**
	 * What was published.
	 *
	 * @param paid paid registration {@code _id}s
	 * @param paidEmails their addresses
	 * @param unpaid unpaid registration {@code _id}s
	 * @param lastByPartition the last registration published to each partition
	 */
	record Registrations(Set<String> paid, Set<String> paidEmails, Set<String> unpaid,
			Map<Integer, String> lastByPartition) {

		List<String> lastPerPartition() {
			return List.copyOf(this.lastByPartition.values());
		}

	}

}
