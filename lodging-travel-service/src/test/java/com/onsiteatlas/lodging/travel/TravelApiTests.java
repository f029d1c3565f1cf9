package com.onsiteatlas.lodging.travel;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.lodging.LodgingTravelIntegrationTest;
import com.onsiteatlas.support.testing.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TravelApiTests extends LodgingTravelIntegrationTest {

	String eventId;

	String alice;

	String bob;

	@BeforeEach
	void seed() {
		this.eventId = newId();
		seedConference(this.eventId, "2027-01-20", "2027-01-22");
		this.alice = seedRegistration(this.eventId, "Alice", "Rao", "REG-0001");
		this.bob = seedRegistration(this.eventId, "Bob", "Iyer", "REG-0002");
	}

	private String path(String suffix) {
		return "/api/events/" + this.eventId + "/travel-info" + suffix;
	}

	private String create(String token, Map<String, Object> body) {
		Map<?, ?> response = post(path(""), token, body).exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) ((Map<?, ?>) response.get("data")).get("_id");
	}

	@Test
	void aRegistrantRecordsItsOwnItineraryWithNormalisedCodes() {
		String token = registrant(this.alice, this.eventId);
		String id = create(token,
				Map.of("arrival",
						Map.of("date", "2027-01-19", "time", "06:40", "flightNumber", "ai 101", "airport", "blr",
								"terminal", "T2", "transferRequired", true),
						"departure",
						Map.of("date", "2027-01-23", "time", "21:10", "flightNumber", "6E2043", "airport", "BLR")));
		get(path("/" + id), token).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.registration")
			.isEqualTo(this.alice)
			.jsonPath("$.data.arrival.airport")
			.isEqualTo("BLR")
			.jsonPath("$.data.arrival.flightNumber")
			.isEqualTo("AI 101")
			.jsonPath("$.data.arrival.transferRequired")
			.isEqualTo(true)
			.jsonPath("$.data.status")
			.isEqualTo("pending")
			.jsonPath("$.data.warnings")
			.isEmpty();
		put(path("/" + id), token, Map.of("notes", "vegetarian meal on flight")).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.notes")
			.isEqualTo("vegetarian meal on flight")
			.jsonPath("$.data.arrival.flightNumber")
			.isEqualTo("AI 101");
	}

	@Test
	void rejectsMalformedCodesAndADepartureBeforeTheArrival() {
		String token = staff("staff");
		post(path(""), token, Map.of("registration", this.alice, "arrival", Map.of("airport", "BLRX"))).exchange()
			.expectStatus()
			.isBadRequest();
		post(path(""), token, Map.of("registration", this.alice, "arrival", Map.of("airport", "B1R"))).exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("'arrival.airport' must be a three-letter IATA code such as BLR");
		post(path(""), token, Map.of("registration", this.alice, "arrival", Map.of("flightNumber", "FLY-ME")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("'arrival.flightNumber' must look like 'AI 101' or '6E2043'");
		post(path(""), token,
				Map.of("registration", this.alice, "arrival", Map.of("date", "2027-01-20", "time", "10:00"),
						"departure", Map.of("date", "2027-01-20", "time", "09:00")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("The departure must not be before the arrival");
		post(path(""), token, Map.of("registration", newId())).exchange().expectStatus().isBadRequest();
	}

	@Test
	void registrantsReachOnlyTheirOwnItineraryAndCannotChangeItsStatus() {
		String bobsTravel = create(staff("staff"), Map.of("registration", this.bob));
		String aliceToken = registrant(this.alice, this.eventId);
		get(path("/" + bobsTravel), aliceToken).exchange().expectStatus().isNotFound();
		get(path("/registration/" + this.bob), aliceToken).exchange().expectStatus().isNotFound();
		put(path("/" + bobsTravel), aliceToken, Map.of("notes", "mine now")).exchange().expectStatus().isNotFound();
		post(path(""), aliceToken, Map.of("registration", this.bob)).exchange().expectStatus().isNotFound();
		get(path(""), aliceToken).exchange().expectBody().jsonPath("$.meta.pagination.total").isEqualTo(0);
		String own = create(aliceToken, Map.of("notes", "hello"));
		put(path("/" + own), aliceToken, Map.of("status", "confirmed")).exchange().expectStatus().isForbidden();
		delete(path("/" + own), aliceToken).exchange().expectStatus().isForbidden();
		put(path("/" + own), staff("staff"), Map.of("status", "confirmed")).exchange().expectStatus().isOk();
		put(path("/" + own), staff("staff"), Map.of("status", "pending")).exchange().expectStatus().isEqualTo(409);
		post(path(""), aliceToken, Map.of("notes", "again")).exchange().expectStatus().isEqualTo(409);
		get(path("/registration/REG-0001"), staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.data._id")
			.isEqualTo(own);
	}

	@Test
	void warnsWhenTheItineraryDoesNotMatchTheHotelStay() {
		String hotelId = createHotel(this.eventId, "Taj");
		createBooking(this.eventId, this.alice, hotelId, "2027-01-20", "2027-01-22");
		String id = create(staff("staff"), Map.of("registration", this.alice, "arrival", Map.of("date", "2027-01-21"),
				"departure", Map.of("date", "2027-01-23")));
		get(path("/" + id), staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.data.warnings[0].code")
			.isEqualTo("arrival-after-check-in")
			.jsonPath("$.data.warnings[1].code")
			.isEqualTo("departure-after-check-out")
			.jsonPath("$.data.warnings[1].message")
			.value((message) -> assertThat((String) message).contains("2027-01-22"));
	}

	@Test
	void listsFilterByAirportTransferAndArrivalDates() {
		create(staff("staff"), Map.of("registration", this.alice, "arrival",
				Map.of("date", "2027-01-19", "airport", "BLR", "transferRequired", true)));
		create(staff("staff"),
				Map.of("registration", this.bob, "arrival", Map.of("date", "2027-01-20", "airport", "MAA")));
		get(path("?airport=blr"), staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(1)
			.jsonPath("$.data[0].registrationId")
			.isEqualTo("REG-0001");
		get(path("?transferRequired=false"), staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.data[0].registrationId")
			.isEqualTo("REG-0002");
		get(path("?arrivalFrom=2027-01-20&sortBy=arrivalDate:asc"), staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(1)
			.jsonPath("$.data[0].registrationId")
			.isEqualTo("REG-0002");
		get(path("?search=rao"), staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.data[0].registrationId")
			.isEqualTo("REG-0001");
	}

	@Test
	void publishesCreatedAndUpdatedItinerariesForNotificationAndReporting() {
		String id = create(staff("staff"), Map.of("registration", this.alice, "arrival",
				Map.of("date", "2027-01-19", "time", "06:40", "airport", "BLR", "transferRequired", true)));
		put(path("/" + id), staff("staff"), Map.of("status", "confirmed")).exchange().expectStatus().isOk();
		ObjectMapper json = new ObjectMapper();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<JsonNode> events = TopicReader.readAll(Topics.TRAVEL)
				.stream()
				.filter((record) -> id.equals(record.key()))
				.map((record) -> {
					try {
						return json.readTree(record.value());
					}
					catch (java.io.IOException ex) {
						throw new IllegalStateException(ex);
					}
				})
				.toList();
			assertThat(events).extracting((event) -> event.get("type").asText())
				.containsExactly("travel-info-created", "travel-info-updated");
			assertThat(events.get(0).at("/data/travel/arrival/airport").asText()).isEqualTo("BLR");
			assertThat(events.get(0).at("/data/registration/registrationId").asText()).isEqualTo("REG-0001");
			assertThat(events.get(1).at("/data/changedFields/0").asText()).isEqualTo("status");
			assertThat(events.get(1).at("/data/travel/status").asText()).isEqualTo("confirmed");
		});
	}

}
