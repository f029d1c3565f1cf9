package com.onsiteatlas.lodging;

import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booking and travel statuses are enums in the code but stay the lower-case strings in
 * MongoDB, so documents written before the enums existed still read and filter.
 */
class StoredStatusTests extends LodgingTravelIntegrationTest {

	@Test
	void storesBookingStatusesAsTheirWireValuesAndReadsStoredStrings() {
		String eventId = newId();
		seedConference(eventId, "2027-01-20", "2027-01-22");
		String hotelId = createHotel(eventId, "Taj");
		String id = createBooking(eventId, seedRegistration(eventId, "Alice", "Rao", "REG-0001"), hotelId, "2027-01-20",
				"2027-01-22");
		String path = "/api/events/" + eventId + "/hotel-bookings/" + id;
		patch(path + "/status", staff("staff"), Map.of("status", "confirmed")).exchange().expectStatus().isOk();
		patch(path + "/status", staff("staff"), Map.of("status", "checked-in")).exchange().expectStatus().isOk();
		assertThat(raw("hotel_bookings", id).getString("bookingStatus")).isEqualTo("checked-in");

		// What a document written before the enum looks like: the same string.
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("bookingStatus", "checked-out"),
					"hotel_bookings")
			.block();
		get(path, staff("staff")).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.bookingStatus")
			.isEqualTo("checked-out");
		get("/api/events/" + eventId + "/hotel-bookings?status=checked-out", staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(1);
	}

	@Test
	void storesTravelStatusesAsTheirWireValuesAndReadsStoredStrings() {
		String eventId = newId();
		seedConference(eventId, "2027-01-20", "2027-01-22");
		String registration = seedRegistration(eventId, "Bob", "Iyer", "REG-0002");
		Map<?, ?> created = post("/api/events/" + eventId + "/travel-info", staff("staff"),
				Map.of("registration", registration, "status", "confirmed"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String id = (String) ((Map<?, ?>) created.get("data")).get("_id");
		assertThat(raw("travel_info", id).getString("status")).isEqualTo("confirmed");

		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("status", "completed"),
					"travel_info")
			.block();
		get("/api/events/" + eventId + "/travel-info/" + id, staff("staff")).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.status")
			.isEqualTo("completed");
		get("/api/events/" + eventId + "/travel-info?status=completed", staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(1);
	}

	private Document raw(String collection, String id) {
		return this.mongo.findById(id, Document.class, collection).block();
	}

}
