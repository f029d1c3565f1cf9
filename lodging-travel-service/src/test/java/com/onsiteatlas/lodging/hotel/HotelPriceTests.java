package com.onsiteatlas.lodging.hotel;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.onsiteatlas.lodging.LodgingTravelIntegrationTest;

/**
 * Room prices as the spec and ONSITE ATLAS's client send them ({@code price}, major
 * units) as well as in cents; both are returned.
 */
class HotelPriceTests extends LodgingTravelIntegrationTest {

	String eventId;

	@BeforeEach
	void seed() {
		this.eventId = newId();
		seedConference(this.eventId, "2027-01-20", "2027-01-22");
	}

	@Test
	void acceptsThePriceInMajorUnitsAndReturnsBoth() {
		post("/api/events/" + this.eventId + "/hotels", staff("admin"), Map.of("name", "Taj", "roomTypes",
				List.of(Map.of("name", "Deluxe", "price", 8500.5), Map.of("name", "Suite", "priceCents", 1500000),
						Map.of("name", "Capsule", "price", 12000, "currency", "JPY"))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.data.roomTypes[0].priceCents")
			.isEqualTo(850050)
			.jsonPath("$.data.roomTypes[0].price")
			.isEqualTo(8500.5)
			.jsonPath("$.data.roomTypes[1].price")
			.isEqualTo(15000.0)
			.jsonPath("$.data.roomTypes[2].priceCents")
			.isEqualTo(12000)
			.jsonPath("$.data.roomTypes[2].price")
			.isEqualTo(12000);
	}

	@Test
	void refusesPricesItCannotStoreExactly() {
		expectBadRequest(Map.of("name", "Deluxe", "price", 10.005),
				"roomTypes.price: at most 2 decimal places for INR, got 10.005");
		expectBadRequest(Map.of("name", "Deluxe", "price", 100, "priceCents", 9999),
				"roomTypes: price 100 and priceCents 9999 disagree; send one of them");
		expectBadRequest(Map.of("name", "Deluxe", "price", -1), null);
	}

	private void expectBadRequest(Map<String, Object> roomType, String message) {
		var body = post("/api/events/" + this.eventId + "/hotels", staff("admin"),
				Map.of("name", "Taj", "roomTypes", List.of(roomType)))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody();
		if (message != null) {
			body.jsonPath("$.message").isEqualTo(message);
		}
	}

}
