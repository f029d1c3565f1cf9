package com.onsiteatlas.lodging.travel;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.onsiteatlas.lodging.LodgingTravelIntegrationTest;

/**
 * The travel list's query string, bound to {@link TravelListQuery}: each bad value is a
 * 400 naming it, and only the query string filters.
 */
class TravelListQueryTests extends LodgingTravelIntegrationTest {

	String eventId;

	@BeforeEach
	void seed() {
		this.eventId = newId();
		seedConference(this.eventId, "2027-01-20", "2027-01-22");
		post(path(""), staff("staff"),
				Map.of("registration", seedRegistration(this.eventId, "Alice", "Rao", "REG-0001"), "arrival",
						Map.of("date", "2027-01-19", "airport", "BLR", "transferRequired", true)))
			.exchange()
			.expectStatus()
			.isCreated();
		post(path(""), staff("staff"), Map.of("registration", seedRegistration(this.eventId, "Bob", "Iyer", "REG-0002"),
				"arrival", Map.of("date", "2027-01-20", "airport", "MAA")))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private String path(String suffix) {
		return "/api/events/" + this.eventId + "/travel-info" + suffix;
	}

	@Test
	void namesTheBadParameterInA400() {
		expectBadRequest("?transferRequired=yes", "'transferRequired' must be true or false");
		expectBadRequest("?status=lost", "status must be one of pending, confirmed, completed");
		expectBadRequest("?arrivalFrom=tomorrow", null);
		expectBadRequest("?registration=alice", null);
		expectBadRequest("?sortBy=airport:asc", null);
	}

	@Test
	void filtersByTheQueryStringOnly() {
		get(path("?airport=blr&transferRequired=true&arrivalTo=2027-01-19"), staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(1)
			.jsonPath("$.data[0].registrationId")
			.isEqualTo("REG-0001");
		get(path(""), staff("staff")).header("airport", "BLR")
			.header("transfer-required", "true")
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
