package com.onsiteatlas.suite;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.onsiteatlas.legacyimport.ImportOptions;
import com.onsiteatlas.legacyimport.LegacyImport;
import com.onsiteatlas.legacyimport.publish.KafkaEventSink;
import com.onsiteatlas.legacyimport.source.LegacySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The backfill against the running suite: a conference that ONSITE ATLAS's MongoDB
 * already holds (odd documents included) is imported with {@code legacy-import}; the
 * three services' read models then know it, and nobody was mailed for history although an
 * active trigger would mail each new registration (and does, for a live one).
 */
@Order(4)
class LegacyImportJourneyTests {

	static final String ADMIN = Tokens.staff(Tokens.ADMIN_ID);

	@TempDir
	Path checkpoints;

	@BeforeAll
	static void startSuite() {
		SuiteHarness.get();
	}

	@Test
	void aBackfilledConferenceFillsTheReadModelsAndMailsNobody() {
		ObjectId eventId = new ObjectId();
		String conference = eventId.toHexString();
		String domain = "@legacy-" + conference + ".test";
		Instant start = Instant.now().plus(Duration.ofDays(30));
		Date now = new Date();
		mailEveryNewRegistration(conference);

		// The legacy database: the suite's reporting MongoDB-wire server, a database of
		// its own.
		try (MongoClient client = MongoClients.create(SuiteHarness.get().mongoUri("reporting-service"))) {
			MongoDatabase legacy = client.getDatabase("onsite_atlas_" + conference);
			legacy.getCollection("events")
				.insertOne(new Document("_id", eventId).append("name", "Legacy Congress " + conference.substring(18))
					.append("startDate", Date.from(start))
					.append("endDate", Date.from(start.plus(Duration.ofDays(2))))
					.append("status", "published")
					.append("pricingSettings", new Document("currency", "INR"))
					.append("createdAt", now));
			ObjectId hindi = new ObjectId();
			ObjectId confirmed = new ObjectId();
			legacy.getCollection("registrations")
				.insertMany(List.of(registration(hindi, eventId, "LEG-0001", "अनिल", "कुमार", domain, "active", now),
						registration(confirmed, eventId, "LEG-0002", "Ana", "Núñez", domain, "confirmed", now),
						registration(new ObjectId(), eventId, "LEG-0003", "No", "Info", domain, "active", now)
							.append("personalInfo", null)));

			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImportOptions options = new ImportOptions("unused", null, SuiteHarness.get().kafkaBootstrap(), conference,
					false, false, 100, 0, this.checkpoints, null, Duration.ofSeconds(1));
			LegacyImport.Outcome outcome;
			try (KafkaEventSink sink = new KafkaEventSink(options.bootstrapServers())) {
				outcome = new LegacyImport(new LegacySource(legacy), sink, options,
						new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemUTC())
					.run();
			}
			assertThat(outcome.tally().published()).containsOnly(Map.entry("event-created", 1L),
					Map.entry("registration-created", 2L));
			assertThat(outcome.tally().skipped()).containsOnly(Map.entry("registration without personalInfo", 1L));

			await("the imported registrations in reporting's read model").atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(rowsPerRegistration(conference)).containsOnly(Map.entry("LEG-0001", 1),
						Map.entry("LEG-0002", 1)));
			await("the imported registrations in notification's read model").atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(notificationKnows(conference)).containsExactlyInAnyOrder("LEG-0001",
						"LEG-0002"));
			LocalDate arrival = LocalDate.ofInstant(start, ZoneOffset.UTC).minusDays(1);
			await("the imported registration known to lodging-travel-service").atMost(Duration.ofSeconds(60))
				.untilAsserted(
						() -> assertThat(Platform.call("POST", "/api/events/" + conference + "/travel-info", ADMIN,
								Map.of("registration", hindi.toHexString(), "arrival",
										Map.of("date", arrival.toString(), "time", "10:30", "flightNumber", "AI 101",
												"airport", "DEL"),
										"departure", Map.of("date", arrival.plusDays(3).toString(), "time", "18:00",
												"flightNumber", "AI 102", "airport", "DEL")))
							.status()).isEqualTo(201));
		}

		// A live registration after the import is mailed: the trigger was active all
		// along.
		String live = Platform.newObjectId();
		String liveEmail = "live" + domain;
		Platform.registration(conference, live, "LEG-LIVE", "Live", liveEmail, 30);
		await("the live registration's mail").atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(Platform.mailTo(domain).size()).isEqualTo(1));
		JsonNode mails = Platform.mailTo(domain);
		assertThat(mails.get(0).toString()).contains(liveEmail);
		Platform.Response log = Platform.call("GET", "/api/events/" + conference + "/notifications", ADMIN, null);
		assertThat(log.status()).as(log.raw()).isEqualTo(200);
		assertThat(log.raw()).doesNotContain("LEG-0001").doesNotContain("LEG-0002");
	}

	private static void mailEveryNewRegistration(String conference) {
		Platform.Response config = Platform.call("PUT", "/api/events/" + conference + "/notification-config", ADMIN,
				Map.of("email", Map.of("enabled", true, "sender",
						Map.of("name", "Legacy Congress Desk", "email", "desk." + conference + "@suite.test"))));
		assertThat(config.status()).as(config.raw()).isEqualTo(200);
		Platform.Response template = Platform.call("POST", "/api/events/" + conference + "/notification-templates",
				ADMIN, Map.of("name", "Registration confirmation", "type", "email", "subject", "Welcome {{firstName}}",
						"contentText", "Dear {{firstName}}, you are registered."));
		assertThat(template.status()).as(template.raw()).isEqualTo(201);
		Platform.Response trigger = Platform.call("POST", "/api/events/" + conference + "/notification-triggers", ADMIN,
				Map.of("name", "Confirm registrations", "triggerType", "event", "eventType", "registration-created",
						"templates",
						List.of(Map.of("channel", "email", "template", template.data().get("_id").asText()))));
		assertThat(trigger.status()).as(trigger.raw()).isEqualTo(201);
	}

	private static Document registration(ObjectId id, ObjectId eventId, String registrationId, String firstName,
			String lastName, String domain, String status, Date createdAt) {
		return new Document("_id", id).append("registrationId", registrationId)
			.append("event", eventId)
			.append("personalInfo",
					new Document("firstName", firstName).append("lastName", lastName)
						.append("email", registrationId.toLowerCase() + domain))
			.append("registrationType", "full-event")
			.append("status", status)
			.append("paymentStatus", "paid")
			.append("amountCents", 1250000L)
			.append("currency", "INR")
			.append("createdAt", createdAt);
	}

	private static Map<String, Integer> rowsPerRegistration(String eventId) {
		Platform.Response grouped = Platform.call("POST", "/api/events/" + eventId + "/reports/preview", ADMIN,
				Map.of("reportType", "registrations", "groupBy", List.of("registrationId"), "metrics",
						List.of(Map.of("type", "count"))));
		assertThat(grouped.status()).as(grouped.raw()).isEqualTo(200);
		Map<String, Integer> rows = new HashMap<>();
		grouped.data().forEach((group) -> rows.put(group.get("registrationId").asText(), group.get("count").asInt()));
		return rows;
	}

	private static List<String> notificationKnows(String eventId) {
		Platform.Response samples = Platform.call("GET",
				"/api/events/" + eventId + "/notification-templates/sample-registrations?limit=50", ADMIN, null);
		assertThat(samples.status()).as(samples.raw()).isEqualTo(200);
		return samples.data().findValuesAsText("registrationId");
	}

}
