package com.onsiteatlas.lodging.booking;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.onsiteatlas.lodging.LodgingTravelIntegrationTest;

/**
 * The booking list's query string, bound to {@link BookingListQuery}: each bad value is a
 * 400 naming it, and only the query string filters.
 */
class BookingListQueryTests extends LodgingTravelIntegrationTest {

	String eventId;

	@BeforeEach
	void seed() {
		this.eventId = newId();
		seedConference(this.eventId, "2027-01-20", "2027-01-22");
		String hotelId = createHotel(this.eventId, "Taj");
		String first = createBooking(this.eventId, seedRegistration(this.eventId, "Alice", "Rao", "REG-0001"), hotelId,
				"2027-01-20", "2027-01-22");
		createBooking(this.eventId, seedRegistration(this.eventId, "Bob", "Iyer", "REG-0002"), hotelId, "2027-01-20",
				"2027-01-22");
		patch(path("/" + first + "/status"), staff("staff"), Map.of("status", "confirmed")).exchange()
			.expectStatus()
			.isOk();
	}

	private String path(String suffix) {
		return "/api/events/" + this.eventId + "/hotel-bookings" + suffix;
	}

	@Test
	void namesTheBadParameterInA400() {
		expectBadRequest("?flagged=maybe", "'flagged' must be true or false");
		expectBadRequest("?status=vanished",
				"status must be one of pending, confirmed, cancelled, checked-in, checked-out");
		expectBadRequest("?hotelId=taj", null);
		expectBadRequest("?checkInTo=soon", null);
		expectBadRequest("?sortBy=price:desc", null);
		expectBadRequest("?limit=lots", null);
	}

	@Test
	void filtersByTheQueryStringOnly() {
		get(path("?status=confirmed&search=rao&flagged=false"), staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(1);
		get(path(""), staff("staff")).header("status", "confirmed")
			.header("search", "rao")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(2);
	}

	private void expectBadRequest(String query, String message) {
		var body = get(path(query), staff("staff")).exchange().expectStatus().isBadRequest().expectBody();
		body.jsonPath("$.success").isEqualTo(false);
		if (message != null) {
			body.jsonPath("$.message").isEqualTo(message);
		}
	}

}
