package com.onsiteatlas.lodging.lifecycle;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.reactive.function.BodyInserters;

import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.lodging.LodgingTravelIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LifecycleEventTests extends LodgingTravelIntegrationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	ReactiveGridFsTemplate gridFs;

	private ObjectNode golden(String type) throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/golden/" + type + ".v1.json")) {
			ObjectNode envelope = (ObjectNode) JSON.readTree(in);
			envelope.put("id", UUID.randomUUID().toString());
			return envelope;
		}
	}

	private void send(String topic, String key, ObjectNode envelope) throws Exception {
		this.kafka.send(topic, key, JSON.writeValueAsBytes(envelope)).get(10, TimeUnit.SECONDS);
	}

	@Test
	void aCancelledRegistrationFlagsItsPendingBookingInsteadOfDeletingIt() throws Exception {
		String eventId = newId();
		seedConference(eventId, "2027-01-20", "2027-01-22");
		String hotelId = createHotel(eventId, "Taj");
		String registration = seedRegistration(eventId, "Priya", "Sharma", "REG-0001");
		String bookingId = createBooking(eventId, registration, hotelId, "2027-01-20", "2027-01-22");
		ObjectNode cancelled = golden("registration-cancelled");
		cancelled.put("eventid", eventId).put("subject", registration);
		((ObjectNode) cancelled.get("data").get("event")).put("_id", eventId);
		((ObjectNode) cancelled.get("data").get("registration")).put("_id", registration);
		send(Topics.REGISTRATIONS, registration, cancelled);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> get("/api/events/" + eventId + "/hotel-bookings/" + bookingId, staff("staff")).exchange()
						.expectStatus()
						.isOk()
						.expectBody()
						.jsonPath("$.data.flags[0]")
						.isEqualTo("registration-cancelled")
						.jsonPath("$.data.bookingStatus")
						.isEqualTo("pending"));
		get("/api/events/" + eventId + "/hotel-bookings?flagged=true", staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(1);
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(registration)),
					new org.springframework.data.mongodb.core.query.Update().set("status", "cancelled"),
					com.onsiteatlas.readmodel.RegistrationView.class)
			.block();
		patch("/api/events/" + eventId + "/hotel-bookings/" + bookingId + "/status", staff("staff"),
				Map.of("status", "confirmed"))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
	}

	@Test
	void aDeletedEventTakesItsHotelsBookingsTravelAndFilesWithIt() throws Exception {
		String eventId = newId();
		seedConference(eventId, "2027-01-20", "2027-01-22");
		String hotelId = createHotel(eventId, "Taj");
		String registration = seedRegistration(eventId, "Priya", "Sharma", "REG-0001");
		createBooking(eventId, registration, hotelId, "2027-01-20", "2027-01-22");
		Map<?, ?> created = post("/api/events/" + eventId + "/travel-info", staff("staff"),
				Map.of("registration", registration))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String travelId = (String) ((Map<?, ?>) created.get("data")).get("_id");
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource("%PDF-1.4 ticket".getBytes(StandardCharsets.US_ASCII)))
			.filename("t.pdf");
		body.part("type", "flight-ticket");
		this.client.post()
			.uri("/api/events/" + eventId + "/travel-info/" + travelId + "/upload-document")
			.header(HttpHeaders.AUTHORIZATION, staff("staff"))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectStatus()
			.isOk();
		ObjectNode deleted = golden("event-deleted");
		((ObjectNode) deleted.get("data")).put("eventId", eventId);
		deleted.put("eventid", eventId).put("subject", eventId);
		send(Topics.EVENTS, eventId, deleted);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			get("/api/events/" + eventId + "/hotels", staff("staff")).exchange()
				.expectBody()
				.jsonPath("$.meta.pagination.total")
				.isEqualTo(0);
			get("/api/events/" + eventId + "/hotel-bookings", staff("staff")).exchange()
				.expectBody()
				.jsonPath("$.meta.pagination.total")
				.isEqualTo(0);
			get("/api/events/" + eventId + "/travel-info", staff("staff")).exchange()
				.expectBody()
				.jsonPath("$.meta.pagination.total")
				.isEqualTo(0);
			assertThat(
					this.gridFs.find(Query.query(Criteria.where("metadata.eventId").is(eventId))).collectList().block())
				.isEmpty();
		});
	}

	@Test
	void anUpdatedRegistrationRefreshesTheGuestNameOnBookingsAndTravel() throws Exception {
		String eventId = newId();
		seedConference(eventId, "2027-01-20", "2027-01-22");
		String hotelId = createHotel(eventId, "Taj");
		String registration = seedRegistration(eventId, "Priya", "Sharma", "REG-0001");
		String bookingId = createBooking(eventId, registration, hotelId, "2027-01-20", "2027-01-22");
		ObjectNode updated = golden("registration-updated");
		updated.put("eventid", eventId).put("subject", registration);
		ObjectNode data = (ObjectNode) updated.get("data");
		((ObjectNode) data.get("event")).put("_id", eventId);
		((ObjectNode) data.get("registration")).put("_id", registration).put("registrationId", "REG-0001");
		((ObjectNode) data.get("registration").get("personalInfo")).put("lastName", "Sharma-Rao");
		data.put("occurredAt", java.time.Instant.now().plusSeconds(5).toString());
		send(Topics.REGISTRATIONS, registration, updated);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> get("/api/events/" + eventId + "/hotel-bookings?search=sharma-rao", staff("staff")).exchange()
						.expectBody()
						.jsonPath("$.data[0]._id")
						.isEqualTo(bookingId)
						.jsonPath("$.data[0].guest.lastName")
						.isEqualTo("Sharma-Rao"));
	}

}
