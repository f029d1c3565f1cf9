package com.onsiteatlas.lodging.booking;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.lodging.LodgingTravelIntegrationTest;
import com.onsiteatlas.support.testing.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BookingApiTests extends LodgingTravelIntegrationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	String eventId;

	String hotelId;

	String alice;

	String bob;

	@BeforeEach
	void seed() {
		this.eventId = newId();
		seedConference(this.eventId, "2027-01-20", "2027-01-22");
		this.hotelId = createHotel(this.eventId, "Taj");
		this.alice = seedRegistration(this.eventId, "Alice", "Rao", "REG-0001");
		this.bob = seedRegistration(this.eventId, "Bob", "Iyer", "REG-0002");
	}

	private String path(String suffix) {
		return "/api/events/" + this.eventId + "/hotel-bookings" + suffix;
	}

	@Test
	void staffCreatesABookingWithTheHotelsNameAndAddressKeptForDisplay() {
		String id = createBooking(this.eventId, this.alice, this.hotelId, "2027-01-19", "2027-01-23");
		get(path("/" + id), staff("staff")).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.hotel.name")
			.isEqualTo("Taj")
			.jsonPath("$.data.hotel.address")
			.isEqualTo("1 MG Road, Bengaluru")
			.jsonPath("$.data.hotel._id")
			.isEqualTo(this.hotelId)
			.jsonPath("$.data.nights")
			.isEqualTo(4)
			.jsonPath("$.data.bookingStatus")
			.isEqualTo("pending")
			.jsonPath("$.data.checkIn.date")
			.isEqualTo("2027-01-19T00:00:00Z")
			.jsonPath("$.data.checkIn.isCheckedIn")
			.isEqualTo(false)
			.jsonPath("$.data.registrationId")
			.isEqualTo("REG-0001")
			.jsonPath("$.data.outbox")
			.doesNotExist();
	}

	@Test
	void rejectsImpossibleDatesUnknownRoomTypesAndUnknownRegistrations() {
		Map<String, Object> base = Map.of("registration", this.alice, "hotelId", this.hotelId, "roomType", "Deluxe",
				"checkIn", Map.of("date", "2027-01-21"), "checkOut", Map.of("date", "2027-01-20"));
		post(path(""), staff("staff"), base).exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("checkOut.date must be after checkIn.date");
		post(path(""), staff("staff"),
				Map.of("registration", this.alice, "hotelId", this.hotelId, "roomType", "Penthouse", "checkIn",
						Map.of("date", "2027-01-20"), "checkOut", Map.of("date", "2027-01-21")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((message) -> assertThat((String) message).contains("no room type 'Penthouse'"));
		post(path(""), staff("staff"),
				Map.of("registration", this.alice, "hotelId", this.hotelId, "roomType", "Deluxe", "checkIn",
						Map.of("date", "2026-12-01"), "checkOut", Map.of("date", "2026-12-03")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((message) -> assertThat((String) message).contains("before the event starts"));
		String stranger = seedRegistration(newId(), "Eve", "Other", "REG-0009");
		post(path(""), staff("staff"),
				Map.of("registration", stranger, "hotelId", this.hotelId, "roomType", "Deluxe", "checkIn",
						Map.of("date", "2027-01-20"), "checkOut", Map.of("date", "2027-01-21")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((message) -> assertThat((String) message).contains("not known for this event"));
		post(path(""), staff("staff"),
				Map.of("registration", this.alice, "hotel", Map.of("name", "Own"), "checkIn",
						Map.of("date", "2027-01-20", "time", "25:00"), "checkOut", Map.of("date", "2027-01-21")))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void followsTheLifecycleAndKeepsCheckInAndCheckOutFlagsConsistent() {
		String id = createBooking(this.eventId, this.alice, this.hotelId, "2027-01-20", "2027-01-22");
		patch(path("/" + id + "/status"), staff("staff"), Map.of("status", "checked-in")).exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("A pending booking cannot become checked-in; allowed: cancelled, confirmed");
		patch(path("/" + id + "/status"), staff("staff"), Map.of("status", "confirmed")).exchange()
			.expectStatus()
			.isOk();
		patch(path("/" + id + "/status"), staff("staff"), Map.of("status", "checked-in")).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.checkIn.isCheckedIn")
			.isEqualTo(true)
			.jsonPath("$.data.checkIn.checkedInAt")
			.exists()
			.jsonPath("$.data.checkOut.isCheckedOut")
			.isEqualTo(false);
		patch(path("/" + id + "/status"), staff("staff"), Map.of("status", "cancelled")).exchange()
			.expectStatus()
			.isEqualTo(409);
		patch(path("/" + id + "/status"), staff("staff"), Map.of("status", "checked-out")).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.bookingStatus")
			.isEqualTo("checked-out")
			.jsonPath("$.data.checkOut.isCheckedOut")
			.isEqualTo(true)
			.jsonPath("$.data.checkOut.checkedOutAt")
			.exists();
		patch(path("/" + id + "/status"), staff("staff"), Map.of("status", "vanished")).exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void aPutCannotSetCheckInFlagsOrStatus() {
		String id = createBooking(this.eventId, this.alice, this.hotelId, "2027-01-20", "2027-01-22");
		put(path("/" + id), staff("admin"), Map.of("checkIn", Map.of("isCheckedIn", true))).exchange()
			.expectStatus()
			.isBadRequest();
		put(path("/" + id), staff("admin"), Map.of("bookingStatus", "confirmed")).exchange()
			.expectStatus()
			.isBadRequest();
		put(path("/" + id), staff("staff"), Map.of("roomNumber", "204", "checkOut", Map.of("date", "2027-01-23")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.roomNumber")
			.isEqualTo("204")
			.jsonPath("$.data.nights")
			.isEqualTo(3)
			.jsonPath("$.data.bookingStatus")
			.isEqualTo("pending");
	}

	@Test
	void aRegistrantSeesOnlyItsOwnBookingAndMayOnlyChangeSpecialRequests() {
		String aliceBooking = createBooking(this.eventId, this.alice, this.hotelId, "2027-01-20", "2027-01-22");
		String bobBooking = createBooking(this.eventId, this.bob, this.hotelId, "2027-01-20", "2027-01-22");
		String aliceToken = registrant(this.alice, this.eventId);
		get(path("/" + aliceBooking), aliceToken).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.notes")
			.doesNotExist();
		get(path("/" + bobBooking), aliceToken).exchange().expectStatus().isNotFound();
		get(path("/registration/" + this.bob), aliceToken).exchange().expectStatus().isNotFound();
		get(path("/registration/REG-0002"), aliceToken).exchange().expectStatus().isNotFound();
		put(path("/" + bobBooking), aliceToken, Map.of("specialRequests", "sea view")).exchange()
			.expectStatus()
			.isNotFound();
		get(path("/registration/" + this.alice), aliceToken).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data._id")
			.isEqualTo(aliceBooking);
		get(path(""), aliceToken).exchange()
			.expectBody()
			.jsonPath("$.data.length()")
			.isEqualTo(1)
			.jsonPath("$.data[0]._id")
			.isEqualTo(aliceBooking);
		put(path("/" + aliceBooking), aliceToken, Map.of("specialRequests", "Ground floor please")).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.specialRequests")
			.isEqualTo("Ground floor please");
		put(path("/" + aliceBooking), aliceToken, Map.of("roomNumber", "101")).exchange().expectStatus().isForbidden();
		patch(path("/" + aliceBooking + "/status"), aliceToken, Map.of("status", "confirmed")).exchange()
			.expectStatus()
			.isForbidden();
		post(path(""), aliceToken,
				Map.of("registration", this.alice, "hotel", Map.of("name", "Own"), "checkIn",
						Map.of("date", "2027-01-20"), "checkOut", Map.of("date", "2027-01-21")))
			.exchange()
			.expectStatus()
			.isForbidden();
		delete(path("/" + aliceBooking), aliceToken).exchange().expectStatus().isForbidden();
		get(path("/" + aliceBooking), registrant(this.alice, newId())).exchange().expectStatus().isNotFound();
		get(path("/" + aliceBooking), staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.data.bookingStatus")
			.isEqualTo("pending");
	}

	@Test
	void listsFilterByStatusHotelRoomTypeDatesAndSearch() {
		String first = createBooking(this.eventId, this.alice, this.hotelId, "2027-01-19", "2027-01-21");
		createBooking(this.eventId, this.bob, this.hotelId, "2027-01-21", "2027-01-23");
		patch(path("/" + first + "/status"), staff("staff"), Map.of("status", "confirmed")).exchange()
			.expectStatus()
			.isOk();
		get(path("?status=confirmed"), staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(1)
			.jsonPath("$.data[0]._id")
			.isEqualTo(first);
		get(path("?search=iyer"), staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(1)
			.jsonPath("$.data[0].registrationId")
			.isEqualTo("REG-0002");
		get(path("?checkInFrom=2027-01-20&checkInTo=2027-01-31&roomType=deluxe&hotelId=" + this.hotelId),
				staff("staff"))
			.exchange()
			.expectBody()
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(1)
			.jsonPath("$.data[0].registrationId")
			.isEqualTo("REG-0002");
		get(path("?sortBy=checkIn:desc&limit=1"), staff("staff")).exchange()
			.expectBody()
			.jsonPath("$.data[0].registrationId")
			.isEqualTo("REG-0002")
			.jsonPath("$.meta.pagination.totalPages")
			.isEqualTo(2);
		get(path("?checkInFrom=yesterday"), staff("staff")).exchange().expectStatus().isBadRequest();
	}

	@Test
	void onlyAdminAndManagerDeleteBookings() {
		String id = createBooking(this.eventId, this.alice, this.hotelId, "2027-01-20", "2027-01-22");
		delete(path("/" + id), staff("staff")).exchange().expectStatus().isForbidden();
		delete(path("/" + id), staff("manager")).exchange().expectStatus().isOk();
		get(path("/" + id), staff("admin")).exchange().expectStatus().isNotFound();
	}

	@Test
	void confirmingABookingPublishesAStatusChangeNotificationServiceCanUse() {
		String id = createBooking(this.eventId, this.alice, this.hotelId, "2027-01-20", "2027-01-22");
		patch(path("/" + id + "/status"), staff("staff"), Map.of("status", "confirmed")).exchange()
			.expectStatus()
			.isOk();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<JsonNode> events = TopicReader.readAll(Topics.HOTEL_BOOKINGS)
				.stream()
				.filter((record) -> id.equals(record.key()))
				.map(BookingApiTests::json)
				.toList();
			assertThat(events).extracting((event) -> event.get("type").asText())
				.containsExactly("hotel-booking-created", "hotel-booking-status-changed");
			JsonNode changed = events.get(1);
			assertThat(changed.get("eventid").asText()).isEqualTo(this.eventId);
			assertThat(changed.at("/data/newStatus").asText()).isEqualTo("confirmed");
			assertThat(changed.at("/data/oldStatus").asText()).isEqualTo("pending");
			assertThat(changed.at("/data/registration/personalInfo/email").asText()).isEqualTo("alice@example.org");
			assertThat(changed.at("/data/booking/hotel/name").asText()).isEqualTo("Taj");
			assertThat(changed.at("/data/event/name").asText()).isEqualTo("Atlas Summit");
		});
		assertThat(this.mongo.findById(id, HotelBooking.class).block().outbox()).isNullOrEmpty();
	}

	static JsonNode json(ConsumerRecord<String, byte[]> record) {
		try {
			return JSON.readTree(record.value());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
