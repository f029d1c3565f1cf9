package com.onsiteatlas.lodging.manifest;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.onsiteatlas.lodging.LodgingTravelIntegrationTest;

class TransferManifestTests extends LodgingTravelIntegrationTest {

	private void travel(String eventId, String registration, String date, String time, String flight, String terminal,
			boolean transfer) {
		post("/api/events/" + eventId + "/travel-info", staff("staff"),
				Map.of("registration", registration, "arrival",
						Map.of("date", date, "time", time, "flightNumber", flight, "airport", "BLR", "terminal",
								terminal, "transferRequired", transfer),
						"departure", Map.of("date", "2027-01-23", "time", "22:00", "airport", "BLR", "terminal", "T1",
								"transferRequired", transfer)))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	@Test
	void groupsTransfersByDayAirportTerminalAndTimeWindow() {
		String eventId = newId();
		travel(eventId, seedRegistration(eventId, "Asha", "K", "REG-1"), "2027-01-19", "06:10", "AI 101", "T2", true);
		travel(eventId, seedRegistration(eventId, "Bala", "M", "REG-2"), "2027-01-19", "06:50", "6E 22", "T2", true);
		travel(eventId, seedRegistration(eventId, "Chen", "L", "REG-3"), "2027-01-19", "07:05", "UK 801", "T2", true);
		travel(eventId, seedRegistration(eventId, "Dev", "P", "REG-4"), "2027-01-19", "06:20", "AI 505", "T1", true);
		travel(eventId, seedRegistration(eventId, "Esha", "R", "REG-5"), "2027-01-19", "06:30", "AI 509", "T2", false);
		get("/api/events/" + eventId + "/transfer-manifest?from=2027-01-19&to=2027-01-19&direction=arrivals",
				staff("staff"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.windowMinutes")
			.isEqualTo(60)
			.jsonPath("$.data.arrivals.length()")
			.isEqualTo(3)
			.jsonPath("$.data.arrivals[0].terminal")
			.isEqualTo("T1")
			.jsonPath("$.data.arrivals[1].terminal")
			.isEqualTo("T2")
			.jsonPath("$.data.arrivals[1].windowStart")
			.isEqualTo("06:00")
			.jsonPath("$.data.arrivals[1].windowEnd")
			.isEqualTo("07:00")
			.jsonPath("$.data.arrivals[1].passengers[*].name")
			.isEqualTo(List.of("Asha K", "Bala M"))
			.jsonPath("$.data.arrivals[1].passengers[0].flightNumber")
			.isEqualTo("AI 101")
			.jsonPath("$.data.arrivals[2].windowStart")
			.isEqualTo("07:00")
			.jsonPath("$.data.totals.arrivals")
			.isEqualTo(4)
			.jsonPath("$.data.departures")
			.isEmpty();
		get("/api/events/" + eventId + "/transfer-manifest?from=2027-01-19&to=2027-01-23&windowMinutes=120",
				staff("manager"))
			.exchange()
			.expectBody()
			.jsonPath("$.data.arrivals.length()")
			.isEqualTo(2)
			.jsonPath("$.data.departures[0].passengerCount")
			.isEqualTo(4)
			.jsonPath("$.data.departures[0].windowStart")
			.isEqualTo("22:00")
			.jsonPath("$.data.departures[0].windowEnd")
			.isEqualTo("24:00");
	}

	@Test
	void rejectsBadRangesAndRegistrants() {
		String eventId = newId();
		get("/api/events/" + eventId + "/transfer-manifest", staff("staff")).exchange().expectStatus().isBadRequest();
		get("/api/events/" + eventId + "/transfer-manifest?from=2027-01-19&to=2027-01-18", staff("staff")).exchange()
			.expectStatus()
			.isBadRequest();
		get("/api/events/" + eventId + "/transfer-manifest?from=2027-01-19&to=2027-01-19&windowMinutes=2",
				staff("staff"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		get("/api/events/" + eventId + "/transfer-manifest?from=2027-01-19&to=2027-01-19", registrant(newId(), eventId))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

}
