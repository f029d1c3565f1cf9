package com.onsiteatlas.lodging;

import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids in request bodies that name records of another conference: the path's event is
 * checked, but a body can still carry any id. Each test creates the record in conference
 * B, names it in a request to conference A, and asserts the 400 and that nothing was
 * stored or changed.
 */
class CrossEventBodyIdTests extends LodgingTravelIntegrationTest {

	String eventA;

	String eventB;

	String hotelA;

	String hotelB;

	String registrationA;

	String registrationB;

	@BeforeEach
	void seed() {
		this.eventA = newId();
		this.eventB = newId();
		seedConference(this.eventA, "2027-01-20", "2027-01-22");
		seedConference(this.eventB, "2027-01-20", "2027-01-22");
		this.hotelA = createHotel(this.eventA, "Taj");
		this.hotelB = createHotel(this.eventB, "Oberoi");
		this.registrationA = seedRegistration(this.eventA, "Alice", "Rao", "REG-0001");
		this.registrationB = seedRegistration(this.eventB, "Bea", "Other", "REG-0001");
	}

	private String pathA(String route) {
		return "/api/events/" + this.eventA + route;
	}

	private static Map<String, Object> booking(String registration, String hotelId) {
		return Map.of("registration", registration, "hotelId", hotelId, "roomType", "Deluxe", "checkIn",
				Map.of("date", "2027-01-20"), "checkOut", Map.of("date", "2027-01-22"));
	}

	private static Map<String, Object> travel(String registration) {
		return Map.of("registration", registration, "arrival",
				Map.of("date", "2027-01-19", "time", "06:40", "flightNumber", "AI 101", "airport", "BLR"));
	}

	private static void refused(WebTestClient.RequestHeadersSpec<?> request, String message) {
		request.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false)
			.jsonPath("$.message")
			.value((String text) -> assertThat(text).contains(message));
	}

	private long count(String collection, Criteria criteria) {
		return this.mongo.count(Query.query(criteria), collection).block();
	}

	private Document stored(String collection, String id) {
		return this.mongo.findById(id, Document.class, collection).block();
	}

	@Test
	void refusesABookingForARegistrationOfAnotherEvent() {
		refused(post(pathA("/hotel-bookings"), staff("staff"), booking(this.registrationB, this.hotelA)),
				"Registration " + this.registrationB + " is not known for this event");
		assertThat(count("hotel_bookings", Criteria.where("event").is(this.eventA))).isZero();
		assertThat(count("hotel_bookings", Criteria.where("registration").is(this.registrationB))).isZero();
	}

	@Test
	void refusesABookingAtAHotelOfAnotherEvent() {
		refused(post(pathA("/hotel-bookings"), staff("staff"), booking(this.registrationA, this.hotelB)),
				"Hotel " + this.hotelB + " is not a hotel of this event");
		assertThat(count("hotel_bookings", Criteria.where("event").is(this.eventA))).isZero();
		assertThat(count("hotel_bookings", Criteria.where("hotel.hotelId").is(this.hotelB))).isZero();
	}

	@Test
	void refusesMovingABookingToAHotelOrRegistrationOfAnotherEvent() {
		String id = createBooking(this.eventA, this.registrationA, this.hotelA, "2027-01-20", "2027-01-22");
		Document before = stored("hotel_bookings", id);
		refused(put(pathA("/hotel-bookings/" + id), staff("staff"), Map.of("hotelId", this.hotelB)),
				"Hotel " + this.hotelB + " is not a hotel of this event");
		refused(put(pathA("/hotel-bookings/" + id), staff("staff"),
				Map.of("hotelId", this.hotelB, "roomType", "Deluxe")), "is not a hotel of this event");
		refused(put(pathA("/hotel-bookings/" + id), staff("staff"), Map.of("registration", this.registrationB)),
				"The registration of a booking cannot change");
		Document after = stored("hotel_bookings", id);
		assertThat(after.get("hotel", Document.class).getString("hotelId")).isEqualTo(this.hotelA);
		assertThat(after.getString("registration")).isEqualTo(this.registrationA);
		assertThat(after.get("updatedAt")).isEqualTo(before.get("updatedAt"));
	}

	@Test
	void refusesTravelInfoForARegistrationOfAnotherEvent() {
		refused(post(pathA("/travel-info"), staff("staff"), travel(this.registrationB)),
				"Registration " + this.registrationB + " is not known for this event");
		assertThat(count("travel_info", Criteria.where("event").is(this.eventA))).isZero();
		assertThat(count("travel_info", Criteria.where("registration").is(this.registrationB))).isZero();

		String id = (String) ((Map<?, ?>) post(pathA("/travel-info"), staff("staff"), travel(this.registrationA))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("data")).get("_id");
		refused(put(pathA("/travel-info/" + id), staff("staff"), Map.of("registration", this.registrationB)),
				"The registration of travel info cannot change");
		assertThat(stored("travel_info", id).getString("registration")).isEqualTo(this.registrationA);
		assertThat(count("travel_info", Criteria.where("registration").is(this.registrationB))).isZero();
	}

	@Test
	void refusesARoomBlockAtAHotelOfAnotherEvent() {
		put("/api/events/" + this.eventB + "/room-blocks", staff("admin"), Map.of("hotelId", this.hotelB, "roomType",
				"Deluxe", "firstNight", "2027-01-20", "lastNight", "2027-01-21", "rooms", 5))
			.exchange()
			.expectStatus()
			.isOk();
		// Creating nights of B's hotel in A, and changing B's existing nights through A.
		for (String night : new String[] { "2027-01-19", "2027-01-20" }) {
			refused(put(pathA("/room-blocks"), staff("admin"),
					Map.of("hotelId", this.hotelB, "roomType", "Deluxe", "firstNight", night, "rooms", 0)),
					"Hotel " + this.hotelB + " is not a hotel of this event");
		}
		assertThat(count("room_nights", Criteria.where("event").is(this.eventA))).isZero();
		assertThat(
				this.mongo.find(Query.query(Criteria.where("hotelId").is(this.hotelB)), Document.class, "room_nights")
					.collectList()
					.block())
			.hasSize(2)
			.allSatisfy((night) -> {
				assertThat(night.getString("event")).isEqualTo(this.eventB);
				assertThat(night.getInteger("contracted")).isEqualTo(5);
			});
	}

}
