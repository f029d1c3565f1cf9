package com.onsiteatlas.suite;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ONSITE ATLAS's Node core as it will publish: the producer library of
 * {@code clients/node} (its build in {@code dist/}) maps a conference and a registration
 * from mongoose documents and publishes them to the running suite's broker; the
 * registration then reaches reporting-service's read model and lodging-travel-service's
 * registration directory.
 */
@Order(4)
class NodeProducerJourneyTests {

	static final String ADMIN = Tokens.staff(Tokens.ADMIN_ID);

	@BeforeAll
	static void startSuite() {
		SuiteHarness.get();
	}

	@Test
	void aRegistrationPublishedWithTheNodeLibraryReachesTheReadModels() throws Exception {
		String eventId = Platform.newObjectId();
		String registration = Platform.newObjectId();
		String humanId = "NODE-" + eventId.substring(18);
		Instant start = Instant.now().plus(Duration.ofDays(30));
		JsonNode published = publishWithNode(eventId, registration, humanId, start);
		assertThat(published.findValuesAsText("type")).containsExactly("event-created", "registration-created");

		await("the registration in reporting's read model").atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(rowsPerRegistration(eventId)).containsExactly(Map.entry(humanId, 1)));
		LocalDate arrival = LocalDate.ofInstant(start, ZoneOffset.UTC).minusDays(1);
		// Lodging accepts travel details only for a registration it knows.
		await("the registration known to lodging-travel-service").atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(
							Platform.call(
									"POST", "/api/events/" + eventId + "/travel-info", ADMIN, Map.of(
											"registration", registration, "arrival", Map.of("date", arrival.toString(),
													"time", "10:30", "flightNumber", "AI 101", "airport", "DEL"),
											"departure",
											Map.of("date", arrival.plusDays(3).toString(), "time", "18:00",
													"flightNumber", "AI 102", "airport", "DEL")))
								.status())
						.isEqualTo(201));
	}

	private static JsonNode publishWithNode(String eventId, String registration, String humanId, Instant start)
			throws Exception {
		Process process = new ProcessBuilder("node", "integration/publish-registration.mjs",
				SuiteHarness.get().kafkaBootstrap(), eventId, registration, humanId, start.toString())
			.directory(SuiteHarness.get().root().resolve("clients/node").toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		process.getOutputStream().close();
		byte[] stdout = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("publish-registration.mjs finished").isTrue();
		assertThat(process.exitValue()).as("publish-registration.mjs exit code (its errors are above)").isZero();
		String output = new String(stdout, StandardCharsets.UTF_8).strip();
		return Platform.JSON.readTree(output.substring(output.lastIndexOf('\n') + 1));
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

}
