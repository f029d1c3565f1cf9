package com.onsiteatlas.lodging.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import com.onsiteatlas.lodging.LodgingTravelIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class RoomBlockTests extends LodgingTravelIntegrationTest {

	String eventId;

	String hotelId;

	@BeforeEach
	void seed() {
		this.eventId = newId();
		seedConference(this.eventId, "2027-01-20", "2027-01-22");
		this.hotelId = createHotel(this.eventId, "Taj");
	}

	private void contract(String first, String last, int rooms) {
		put("/api/events/" + this.eventId + "/room-blocks", staff("admin"), Map.of("hotelId", this.hotelId, "roomType",
				"deluxe", "firstNight", first, "lastNight", last, "rooms", rooms))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private String bookingPath(String id) {
		return "/api/events/" + this.eventId + "/hotel-bookings/" + id;
	}

	@Test
	void concurrentConfirmationsNeverExceedTheBlock() {
		int rooms = 5;
		contract("2027-01-20", "2027-01-21", rooms);
		List<String> bookings = new ArrayList<>();
		for (int i = 0; i < rooms * 3; i++) {
			String registration = seedRegistration(this.eventId, "Guest" + i, "Parallel", "REG-" + (1000 + i));
			bookings.add(createBooking(this.eventId, registration, this.hotelId, "2027-01-20", "2027-01-22"));
		}
		WebClient web = WebClient.create("http://localhost:" + this.port);
		List<Integer> statuses = Flux.fromIterable(bookings)
			.flatMap((id) -> web.patch()
				.uri(bookingPath(id) + "/status")
				.header(HttpHeaders.AUTHORIZATION, staff("staff"))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("status", "confirmed"))
				.exchangeToMono((response) -> response.toBodilessEntity())
				.map((entity) -> entity.getStatusCode().value()), bookings.size())
			.collectList()
			.block();
		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(rooms);
		assertThat(statuses).filteredOn((status) -> status == 409).hasSize(rooms * 2);
		get("/api/events/" + this.eventId + "/hotel-bookings?status=confirmed", staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(rooms);
		get("/api/events/" + this.eventId + "/room-blocks/pickup", staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.data[0].nights[0].booked")
			.isEqualTo(rooms)
			.jsonPath("$.data[0].nights[0].available")
			.isEqualTo(0)
			.jsonPath("$.data[0].nights[1].booked")
			.isEqualTo(rooms)
			.jsonPath("$.data[0].totals.pickupPercent")
			.isEqualTo(100.0);
	}

	@Test
	void aFullLaterNightRejectsTheConfirmationAndGivesBackTheEarlierNights() {
		contract("2027-01-20", "2027-01-20", 2);
		contract("2027-01-21", "2027-01-21", 1);
		String first = createBooking(this.eventId, seedRegistration(this.eventId, "A", "One", "REG-1"), this.hotelId,
				"2027-01-21", "2027-01-22");
		patch(bookingPath(first) + "/status", staff("staff"), Map.of("status", "confirmed")).exchange()
			.expectStatus()
			.isOk();
		String second = createBooking(this.eventId, seedRegistration(this.eventId, "B", "Two", "REG-2"), this.hotelId,
				"2027-01-20", "2027-01-22");
		patch(bookingPath(second) + "/status", staff("staff"), Map.of("status", "confirmed")).exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("No rooms left in the Deluxe block for the night of 2027-01-21");
		get("/api/events/" + this.eventId + "/room-blocks/pickup", staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.data[0].nights[0].night")
			.isEqualTo("2027-01-20")
			.jsonPath("$.data[0].nights[0].booked")
			.isEqualTo(0)
			.jsonPath("$.data[0].nights[1].booked")
			.isEqualTo(1)
			.jsonPath("$.data[0].peakNight")
			.isEqualTo("2027-01-21");
		get(bookingPath(second), staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.data.bookingStatus")
			.isEqualTo("pending");
	}

	@Test
	void cancellingAndChangingDatesGiveNightsBack() {
		contract("2027-01-19", "2027-01-23", 1);
		String id = createBooking(this.eventId, seedRegistration(this.eventId, "A", "One", "REG-1"), this.hotelId,
				"2027-01-20", "2027-01-22");
		patch(bookingPath(id) + "/status", staff("staff"), Map.of("status", "confirmed")).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.roomBlock.nights.length()")
			.isEqualTo(2);
		put(bookingPath(id), staff("staff"),
				Map.of("checkIn", Map.of("date", "2027-01-21"), "checkOut", Map.of("date", "2027-01-24")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.roomBlock.nights")
			.isEqualTo(List.of("2027-01-21", "2027-01-22", "2027-01-23"));
		get("/api/events/" + this.eventId + "/room-blocks/pickup", staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.data[0].nights[*].booked")
			.isEqualTo(List.of(0, 0, 1, 1, 1));
		patch(bookingPath(id) + "/status", staff("staff"), Map.of("status", "cancelled", "reason", "plans changed"))
			.exchange()
			.expectStatus()
			.isOk();
		get("/api/events/" + this.eventId + "/room-blocks/pickup", staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.data[0].totals.booked")
			.isEqualTo(0)
			.jsonPath("$.data[0].totals.available")
			.isEqualTo(5);
	}

	@Test
	void aBlockCannotShrinkBelowTheRoomsBookedAndOnlyManagersContract() {
		contract("2027-01-20", "2027-01-20", 2);
		String id = createBooking(this.eventId, seedRegistration(this.eventId, "A", "One", "REG-1"), this.hotelId,
				"2027-01-20", "2027-01-21");
		patch(bookingPath(id) + "/status", staff("staff"), Map.of("status", "confirmed")).exchange()
			.expectStatus()
			.isOk();
		put("/api/events/" + this.eventId + "/room-blocks", staff("admin"),
				Map.of("hotelId", this.hotelId, "roomType", "Deluxe", "firstNight", "2027-01-20", "rooms", 0))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
		put("/api/events/" + this.eventId + "/room-blocks", staff("staff"),
				Map.of("hotelId", this.hotelId, "roomType", "Deluxe", "firstNight", "2027-01-20", "rooms", 5))
			.exchange()
			.expectStatus()
			.isForbidden();
		put("/api/events/" + this.eventId + "/room-blocks", staff("manager"),
				Map.of("hotelId", this.hotelId, "roomType", "Penthouse", "firstNight", "2027-01-20", "rooms", 5))
			.exchange()
			.expectStatus()
			.isBadRequest();
		get("/api/events/" + this.eventId + "/room-blocks", registrant(newId(), this.eventId)).exchange()
			.expectStatus()
			.isForbidden();
		get("/api/events/" + this.eventId + "/room-blocks?hotelId=" + this.hotelId, staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.data[0].contracted")
			.isEqualTo(2)
			.jsonPath("$.data[0].booked")
			.isEqualTo(1)
			.jsonPath("$.data[0].holders")
			.doesNotExist();
	}

	@Test
	void aNightCanBeDeletedOnlyWhileNothingIsBooked() {
		contract("2027-01-20", "2027-01-21", 1);
		String id = createBooking(this.eventId, seedRegistration(this.eventId, "A", "One", "REG-1"), this.hotelId,
				"2027-01-20", "2027-01-21");
		patch(bookingPath(id) + "/status", staff("staff"), Map.of("status", "confirmed")).exchange()
			.expectStatus()
			.isOk();
		Map<?, ?> page = get("/api/events/" + this.eventId + "/room-blocks?sortBy=night:asc", staff("staff")).exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		List<?> nights = (List<?>) page.get("data");
		String booked = (String) ((Map<?, ?>) nights.get(0)).get("_id");
		String free = (String) ((Map<?, ?>) nights.get(1)).get("_id");
		delete("/api/events/" + this.eventId + "/room-blocks/" + booked, staff("admin")).exchange()
			.expectStatus()
			.isEqualTo(409);
		delete("/api/events/" + this.eventId + "/room-blocks/" + free, staff("staff")).exchange()
			.expectStatus()
			.isForbidden();
		delete("/api/events/" + this.eventId + "/room-blocks/" + free, staff("admin")).exchange().expectStatus().isOk();
		get("/api/events/" + this.eventId + "/room-blocks", staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(1);
	}

}
