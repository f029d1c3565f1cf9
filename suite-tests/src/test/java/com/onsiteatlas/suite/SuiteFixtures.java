package com.onsiteatlas.suite;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real records of one conference, created the way ONSITE ATLAS and the organisers create
 * them (registrations through Kafka, everything else through the gateway as the admin),
 * so that every id the security matrix and the bad-input corpus put in a path exists.
 * Fresh records are handed out for the cells whose request consumes one (a delete, a
 * status change, a second travel record).
 */
final class SuiteFixtures {

	static final String ADMIN = Tokens.staff(Tokens.ADMIN_ID);

	/** A minimal PDF: lodging detects the type from these first bytes. */
	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	final ClientAddressHttp http;

	final String eventId;

	final LocalDate checkIn = LocalDate.now(ZoneOffset.UTC).plusDays(29);

	/** Registration that owns the records below, and another one of the same event. */
	final String owner;

	final String other;

	final String templateId;

	final String triggerId;

	final String notificationId;

	final String hotelId;

	final String bookingId;

	final String travelId;

	final String documentId;

	final String roomBlockId;

	private final Deque<String> pool = new ConcurrentLinkedDeque<>();

	private final AtomicInteger nights = new AtomicInteger();

	/**
	 * Creates a conference with its records.
	 * @param http the client used for set-up requests
	 * @param poolSize registrations kept for cells that need one of their own
	 */
	SuiteFixtures(ClientAddressHttp http, int poolSize) {
		this.http = http;
		this.eventId = Platform.newObjectId();
		Platform.conference(this.eventId, 30);
		this.owner = Platform.newObjectId();
		this.other = Platform.newObjectId();
		Platform.registration(this.eventId, this.owner, "REG-" + this.owner.substring(16), "Owner",
				"owner." + this.owner + "@suite.test", 30);
		Platform.registration(this.eventId, this.other, "REG-" + this.other.substring(16), "Other",
				"other." + this.other + "@suite.test", 30);
		List<String> registrations = new ArrayList<>();
		for (int i = 0; i < poolSize; i++) {
			String id = Platform.newObjectId();
			Platform.registration(this.eventId, id, "REG-" + id.substring(16), "Pool" + i, "pool." + id + "@suite.test",
					30);
			registrations.add(id);
		}
		this.templateId = newTemplate();
		this.triggerId = newTrigger();
		this.hotelId = newHotel();
		// A hotel with a block confirms only nights inside it: contract enough rooms for
		// every confirmation of the booking nights.
		expect(http.json("PUT", path("/room-blocks"), ADMIN, Map.of("hotelId", this.hotelId, "roomType", "Deluxe",
				"firstNight", this.checkIn.toString(), "lastNight", this.checkIn.plusDays(1).toString(), "rooms", 500)),
				200);
		this.bookingId = awaitBooking(this.owner);
		for (String registration : registrations) {
			awaitBooking(registration);
			this.pool.add(registration);
		}
		awaitBooking(this.other);
		Multipart confirmation = Multipart.of().file("file", "confirmation.pdf", "application/pdf", PDF);
		id(http.send("POST", path("/hotel-bookings/" + this.bookingId + "/upload-confirmation"),
				confirmation.headers(ADMIN), confirmation.bytes()));
		this.travelId = newTravel(this.owner);
		this.documentId = newDocument(this.travelId);
		this.roomBlockId = newRoomBlock();
		this.notificationId = newNotification();
	}

	String path(String suffix) {
		return "/api/events/" + this.eventId + suffix;
	}

	/**
	 * A registration of this conference, known to the services, with nothing of its own.
	 */
	String freshRegistration() {
		String id = this.pool.poll();
		assertThat(id).as("registration pool of " + this.eventId + " is exhausted").isNotNull();
		return id;
	}

	/** A pending booking of a registration with nothing else. */
	String[] freshBooking() {
		String registration = freshRegistration();
		String booking = bookingOf(registration);
		return new String[] { booking, registration };
	}

	String bookingOf(String registration) {
		JsonNode list = expect(http.json("GET", path("/hotel-bookings?registration=" + registration), ADMIN, null), 200)
			.json();
		return list.get("data").get(0).get("_id").asText();
	}

	String newTemplate() {
		return id(http.json("POST", path("/notification-templates"), ADMIN,
				Map.of("name", "Matrix " + UUID.randomUUID(), "type", "email", "subject", "Hello {{firstName}}",
						"contentHtml", "<p>Dear {{firstName}}</p>", "contentText", "Dear {{firstName}}")));
	}

	String newTrigger() {
		return id(
				http.json("POST", path("/notification-triggers"), ADMIN, Map.of("name", "Matrix manual", "triggerType",
						"manual", "templates", List.of(Map.of("channel", "email", "template", this.templateId)))));
	}

	String newHotel() {
		return id(http.json("POST", path("/hotels"), ADMIN,
				Map.of("name", "Matrix Hotel " + UUID.randomUUID(), "roomTypes",
						List.of(Map.of("name", "Deluxe", "capacity", 2, "priceCents", 850000, "currency", "INR")))));
	}

	Map<String, Object> bookingBody(String registration) {
		return Map.of("registration", registration, "hotelId", this.hotelId, "roomType", "Deluxe", "checkIn",
				Map.of("date", this.checkIn.toString()), "checkOut",
				Map.of("date", this.checkIn.plusDays(2).toString()));
	}

	Map<String, Object> travelBody(String registration) {
		return Map.of("registration", registration, "arrival",
				Map.of("date", this.checkIn.toString(), "time", "10:30", "flightNumber", "AI 101", "airport", "DEL",
						"transferRequired", true),
				"departure", Map.of("date", this.checkIn.plusDays(2).toString(), "time", "18:00", "flightNumber",
						"AI 102", "airport", "DEL"));
	}

	private String awaitBooking(String registration) {
		// The registration reaches lodging-travel-service through Kafka; until then a
		// booking naming it is refused with 400. Once it is accepted the registration is
		// in lodging's read model, which the event-less registrant token needs to reach
		// its conference.
		AtomicReference<ClientAddressHttp.Reply> created = new AtomicReference<>();
		await("registration " + registration + " in lodging").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> {
				created.set(http.json("POST", path("/hotel-bookings"), ADMIN, bookingBody(registration)));
				return created.get().status() != 400;
			});
		return id(created.get());
	}

	String newTravel(String registration) {
		return id(http.json("POST", path("/travel-info"), ADMIN, travelBody(registration)));
	}

	String newDocument(String travel) {
		Multipart form = Multipart.of().field("type", "visa").file("file", "visa.pdf", "application/pdf", PDF);
		return id(http.send("POST", path("/travel-info/" + travel + "/upload-document"), form.headers(ADMIN),
				form.bytes()));
	}

	String newRoomBlock() {
		String night = this.checkIn.plusDays(5 + this.nights.getAndIncrement()).toString();
		JsonNode reply = expect(http.json("PUT", path("/room-blocks"), ADMIN, Map.of("hotelId", this.hotelId,
				"roomType", "Deluxe", "firstNight", night, "lastNight", night, "rooms", 3)), 200)
			.json();
		return reply.get("data").get(0).get("_id").asText();
	}

	String newNotification() {
		String address = "matrix." + UUID.randomUUID() + "@suite.test";
		expect(http.json("POST", path("/notification-templates/" + this.templateId + "/test"), ADMIN,
				Map.of("email", address)), 202);
		AtomicReference<String> id = new AtomicReference<>();
		await("notification to " + address).atMost(Duration.ofSeconds(30)).until(() -> {
			JsonNode list = http.json("GET", path("/notifications?search=" + address), ADMIN, null).json().get("data");
			if (list != null && list.size() == 1) {
				id.set(list.get(0).get("_id").asText());
			}
			return id.get() != null;
		});
		return id.get();
	}

	static String id(ClientAddressHttp.Reply reply) {
		assertThat(reply.status()).as(reply.text()).isIn(200, 201, 202);
		return reply.json().get("data").get("_id").asText();
	}

	static ClientAddressHttp.Reply expect(ClientAddressHttp.Reply reply, int status) {
		assertThat(reply.status()).as(reply.text()).isEqualTo(status);
		return reply;
	}

}
