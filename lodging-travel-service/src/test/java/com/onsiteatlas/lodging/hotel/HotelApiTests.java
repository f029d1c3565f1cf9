package com.onsiteatlas.lodging.hotel;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.onsiteatlas.lodging.LodgingTravelIntegrationTest;

class HotelApiTests extends LodgingTravelIntegrationTest {

	@Test
	void adminCreatesAHotelWithRoomTypesPricedInCents() {
		String eventId = newId();
		Map<String, Object> body = Map.of("name", "Taj West End", "contactInfo", Map.of("email", "desk@taj.example"),
				"images", List.of("https://img.example/taj.jpg"), "distanceToVenue", "1.2 km", "roomTypes",
				List.of(Map.of("name", "Deluxe", "capacity", 2, "amenities", List.of("wifi"), "priceCents", 850000)));
		post("/api/events/" + eventId + "/hotels", staff("admin"), body).exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.data._id")
			.value((id) -> org.assertj.core.api.Assertions.assertThat((String) id).matches("[0-9a-f]{24}"))
			.jsonPath("$.data.isOfficial")
			.isEqualTo(true)
			.jsonPath("$.data.roomTypes[0].priceCents")
			.isEqualTo(850000)
			.jsonPath("$.data.roomTypes[0].currency")
			.isEqualTo("INR")
			.jsonPath("$.data.roomTypes[0]._id")
			.exists()
			.jsonPath("$.data.searchText")
			.doesNotExist();
	}

	@Test
	void rejectsAHotelWithoutNameOrWithDuplicateRoomTypes() {
		String eventId = newId();
		post("/api/events/" + eventId + "/hotels", staff("admin"), Map.of("description", "no name")).exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((message) -> org.assertj.core.api.Assertions.assertThat((String) message).contains("name"));
		post("/api/events/" + eventId + "/hotels", staff("admin"),
				Map.of("name", "Twin", "roomTypes", List.of(Map.of("name", "Deluxe"), Map.of("name", "deluxe"))))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((message) -> org.assertj.core.api.Assertions.assertThat((String) message).contains("unique"));
		post("/api/events/" + eventId + "/hotels", staff("admin"),
				Map.of("name", "Neg", "roomTypes", List.of(Map.of("name", "Deluxe", "priceCents", -5))))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void staffAndRegistrantsReadButOnlyAdminAndManagerWrite() {
		String eventId = newId();
		String hotelId = createHotel(eventId, "Leela");
		post("/api/events/" + eventId + "/hotels", staff("staff"), Map.of("name", "X")).exchange()
			.expectStatus()
			.isForbidden();
		put("/api/events/" + eventId + "/hotels/" + hotelId, staff("staff"), Map.of("name", "Y")).exchange()
			.expectStatus()
			.isForbidden();
		delete("/api/events/" + eventId + "/hotels/" + hotelId, staff("staff")).exchange().expectStatus().isForbidden();
		get("/api/events/" + eventId + "/hotels/" + hotelId, registrant(newId(), eventId)).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.name")
			.isEqualTo("Leela");
		String otherEvent = newId();
		get("/api/events/" + eventId + "/hotels/" + hotelId, registrant(newId(), otherEvent)).exchange()
			.expectStatus()
			.isNotFound();
		get("/api/events/" + eventId + "/hotels", registrant(newId(), otherEvent)).exchange()
			.expectStatus()
			.isNotFound();
		put("/api/events/" + eventId + "/hotels/" + hotelId, staff("manager"), Map.of("distanceToVenue", "3 km"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.name")
			.isEqualTo("Leela")
			.jsonPath("$.data.distanceToVenue")
			.isEqualTo("3 km");
		delete("/api/events/" + eventId + "/hotels/" + hotelId, staff("manager")).exchange().expectStatus().isOk();
		get("/api/events/" + eventId + "/hotels/" + hotelId, staff("staff")).exchange().expectStatus().isNotFound();
	}

	@Test
	void listsPaginateSortAndFilterBySearch() {
		String eventId = newId();
		createHotel(eventId, "Alpha Inn");
		createHotel(eventId, "Bravo Suites");
		createHotel(eventId, "Charlie Lodge");
		createHotel(newId(), "Alpha Other Event");
		get("/api/events/" + eventId + "/hotels?limit=2&sortBy=name:desc", staff("staff")).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.length()")
			.isEqualTo(2)
			.jsonPath("$.data[0].name")
			.isEqualTo("Charlie Lodge")
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(3)
			.jsonPath("$.meta.pagination.hasNextPage")
			.isEqualTo(true);
		get("/api/events/" + eventId + "/hotels?search=ALPHA", staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.data.length()")
			.isEqualTo(1)
			.jsonPath("$.data[0].name")
			.isEqualTo("Alpha Inn");
		get("/api/events/" + eventId + "/hotels?sortBy=price:asc", staff("staff")).exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void aHotelOfAnotherEventIsNotFoundAndAMalformedIdIsABadRequest() {
		String hotelId = createHotel(newId(), "Elsewhere");
		get("/api/events/" + newId() + "/hotels/" + hotelId, staff("admin")).exchange().expectStatus().isNotFound();
		get("/api/events/" + newId() + "/hotels/not-an-id", staff("admin")).exchange().expectStatus().isBadRequest();
	}

	@Test
	void aHotelWithABookingThatIsNotCancelledCannotBeDeleted() {
		String eventId = newId();
		seedConference(eventId, "2027-01-20", "2027-01-22");
		String hotelId = createHotel(eventId, "Taj");
		createBooking(eventId, seedRegistration(eventId, "A", "One", "REG-1"), hotelId, "2027-01-20", "2027-01-22");
		delete("/api/events/" + eventId + "/hotels/" + hotelId, staff("admin")).exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo(
					"Hotel Taj cannot be deleted: it still has 1 booking (not cancelled); cancel or move them first");
		get("/api/events/" + eventId + "/hotels/" + hotelId, staff("staff")).exchange().expectStatus().isOk();
	}

	@Test
	void aHotelWithBookedRoomNightsCannotBeDeletedUntilTheBookingIsCancelled() {
		String eventId = newId();
		seedConference(eventId, "2027-01-20", "2027-01-22");
		String hotelId = createHotel(eventId, "Taj");
		contract(eventId, hotelId, 1);
		String booking = createBooking(eventId, seedRegistration(eventId, "A", "One", "REG-1"), hotelId, "2027-01-20",
				"2027-01-22");
		String bookingPath = "/api/events/" + eventId + "/hotel-bookings/" + booking + "/status";
		patch(bookingPath, staff("staff"), Map.of("status", "confirmed")).exchange().expectStatus().isOk();
		delete("/api/events/" + eventId + "/hotels/" + hotelId, staff("manager")).exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Hotel Taj cannot be deleted: it still has 1 booking (not cancelled) and 2 room-block nights "
					+ "with booked rooms; cancel or move them first");
		nightsOf(eventId, hotelId, 4);
		// Booked nights alone (say a hold the repair job has not released yet) also
		// block.
		this.mongo
			.updateMulti(
					org.springframework.data.mongodb.core.query.Query
						.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(booking)),
					org.springframework.data.mongodb.core.query.Update.update("bookingStatus", "cancelled"),
					"hotel_bookings")
			.block();
		delete("/api/events/" + eventId + "/hotels/" + hotelId, staff("manager")).exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Hotel Taj cannot be deleted: it still has 2 room-block nights with booked rooms; "
					+ "cancel or move them first");
	}

	@Test
	void deletingAHotelWithoutBookingsDeletesItsEmptyRoomNights() {
		String eventId = newId();
		seedConference(eventId, "2027-01-20", "2027-01-22");
		String hotelId = createHotel(eventId, "Taj");
		String otherId = createHotel(eventId, "Leela");
		contract(eventId, hotelId, 3);
		contract(eventId, otherId, 2);
		String booking = createBooking(eventId, seedRegistration(eventId, "A", "One", "REG-1"), hotelId, "2027-01-20",
				"2027-01-22");
		String bookingPath = "/api/events/" + eventId + "/hotel-bookings/" + booking + "/status";
		patch(bookingPath, staff("staff"), Map.of("status", "confirmed")).exchange().expectStatus().isOk();
		patch(bookingPath, staff("staff"), Map.of("status", "cancelled", "reason", "plans changed")).exchange()
			.expectStatus()
			.isOk();
		delete("/api/events/" + eventId + "/hotels/" + hotelId, staff("admin")).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Hotel deleted");
		get("/api/events/" + eventId + "/hotels/" + hotelId, staff("staff")).exchange().expectStatus().isNotFound();
		nightsOf(eventId, hotelId, 0);
		nightsOf(eventId, otherId, 4);
	}

	private void contract(String eventId, String hotelId, int rooms) {
		put("/api/events/" + eventId + "/room-blocks", staff("admin"), Map.of("hotelId", hotelId, "roomType", "Deluxe",
				"firstNight", "2027-01-19", "lastNight", "2027-01-22", "rooms", rooms))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private void nightsOf(String eventId, String hotelId, int expected) {
		get("/api/events/" + eventId + "/room-blocks?hotelId=" + hotelId, staff("staff")).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(expected);
	}

}
