package com.onsiteatlas.lodging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import com.onsiteatlas.domainevents.PersonalInfo;
import com.onsiteatlas.lodging.travel.TravelInfo;
import com.onsiteatlas.lodging.travel.TravelStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measurements, not tests: run with {@code ./mvnw -pl lodging-travel-service test
 * -Dbenchmarks}; the numbers go to docs/performance/lodging-travel-service.md.
 */
@Tag("benchmark")
class BenchmarkTests extends LodgingTravelIntegrationTest {

	@Test
	void confirmationsPerSecondUnderContention() {
		String eventId = newId();
		seedConference(eventId, "2027-01-20", "2027-01-22");
		String hotelId = createHotel(eventId, "Bench");
		int rooms = 200;
		int bookings = rooms * 3;
		put("/api/events/" + eventId + "/room-blocks", staff("admin"), Map.of("hotelId", hotelId, "roomType", "Deluxe",
				"firstNight", "2027-01-20", "lastNight", "2027-01-21", "rooms", rooms))
			.exchange()
			.expectStatus()
			.isOk();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < bookings; i++) {
			ids.add(createBooking(eventId, seedRegistration(eventId, "G" + i, "Bench", "REG-" + i), hotelId,
					"2027-01-20", "2027-01-22"));
		}
		WebClient web = WebClient.create("http://localhost:" + this.port);
		int concurrency = 32;
		{
			long start = System.nanoTime();
			List<Integer> statuses = Flux.fromIterable(ids)
				.flatMap((id) -> web.patch()
					.uri("/api/events/" + eventId + "/hotel-bookings/" + id + "/status")
					.header(HttpHeaders.AUTHORIZATION, staff("staff"))
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("status", "confirmed"))
					.exchangeToMono((response) -> response.toBodilessEntity())
					.map((entity) -> entity.getStatusCode().value()), concurrency)
				.collectList()
				.block(Duration.ofMinutes(5));
			double seconds = (System.nanoTime() - start) / 1e9;
			long confirmed = statuses.stream().filter((status) -> status == 200).count();
			assertThat(confirmed).isEqualTo(rooms);
			System.out.printf(
					"BENCHMARK confirmations: %d requests (%d rooms x 2 nights), concurrency %d: %.2f s,"
							+ " %.0f requests/s, %d confirmed, %d refused (409)%n",
					bookings, rooms, concurrency, seconds, bookings / seconds, confirmed,
					statuses.stream().filter((status) -> status == 409).count());
		}
	}

	@Test
	void transferManifestOfFiveThousandItineraries() {
		String eventId = newId();
		List<TravelInfo> travels = new ArrayList<>();
		String[] terminals = { "T1", "T2" };
		String[] airports = { "BLR", "MAA", "BOM" };
		for (int i = 0; i < 5000; i++) {
			int minute = (i * 7) % (24 * 60);
			String time = String.format("%02d:%02d", minute / 60, minute % 60);
			TravelInfo.Leg arrival = new TravelInfo.Leg(Instant.parse("2027-01-" + (18 + i % 3) + "T00:00:00Z"), time,
					"AI " + (100 + i % 900), airports[i % 3], terminals[i % 2], true);
			TravelInfo.Leg departure = new TravelInfo.Leg(Instant.parse("2027-01-23T00:00:00Z"), time,
					"6E " + (100 + i % 900), airports[i % 3], terminals[i % 2], i % 2 == 0);
			travels.add(new TravelInfo(newId(), eventId, newId(), "REG-" + i,
					new PersonalInfo("First" + i, "Last" + i, null, "+91" + i, null, null, null), arrival, departure,
					List.of(), null, TravelStatus.CONFIRMED, "bench", Instant.now(), Instant.now(), "", null));
		}
		long insertStart = System.nanoTime();
		this.mongo.insertAll(travels).then().block(Duration.ofMinutes(2));
		double insertSeconds = (System.nanoTime() - insertStart) / 1e9;
		String uri = "/api/events/" + eventId + "/transfer-manifest?from=2027-01-18&to=2027-01-23&windowMinutes=30";
		var large = this.client.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
			.build();
		large.get().uri(uri).header(HttpHeaders.AUTHORIZATION, staff("staff")).exchange().expectStatus().isOk();
		List<Double> runs = new ArrayList<>();
		for (int run = 0; run < 5; run++) {
			long start = System.nanoTime();
			large.get()
				.uri(uri)
				.header(HttpHeaders.AUTHORIZATION, staff("staff"))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.data.totals.arrivals")
				.isEqualTo(5000);
			runs.add((System.nanoTime() - start) / 1e6);
		}
		runs.sort(Double::compare);
		System.out.printf(
				"BENCHMARK manifest: 5000 itineraries (7500 legs needing transfer) inserted in %.2f s;"
						+ " manifest median %.0f ms, best %.0f ms, worst %.0f ms over 5 runs%n",
				insertSeconds, runs.get(2), runs.get(0), runs.get(4));
	}

}
