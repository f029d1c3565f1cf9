package com.onsiteatlas.suite;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The services working together, as organisers, registrants and the ONSITE ATLAS core
 * meet them: only the gateway, Kafka and the captured mailbox are touched.
 */
class JourneyTests {

	static final String ADMIN = Tokens.staff(Tokens.ADMIN_ID);

	@BeforeAll
	static void startSuite() {
		SuiteHarness.get();
	}

	@Test
	void aRegistrationEventProducesTheConfirmationEmailWithItsQrCodeAndASentLogEntry() {
		String eventId = Platform.newObjectId();
		Platform.conference(eventId, 30);
		Platform.Response template = Platform.call("POST", "/api/events/" + eventId + "/notification-templates", ADMIN,
				Map.of("name", "Registration confirmation", "type", "email", "subject",
						"Welcome {{firstName}} to {{eventName}}", "contentHtml",
						"<p>Dear {{firstName}}, your registration {{registrationId}} is confirmed.</p>[QR_CODE]",
						"contentText", "Dear {{firstName}}, your registration {{registrationId}} is confirmed."));
		assertThat(template.status()).as(template.raw()).isEqualTo(201);
		String templateId = template.data().get("_id").asText();
		Platform.Response trigger = Platform.call("POST", "/api/events/" + eventId + "/notification-triggers", ADMIN,
				Map.of("name", "Confirm registrations", "triggerType", "event", "eventType", "registration-created",
						"templates", List.of(Map.of("channel", "email", "template", templateId))));
		assertThat(trigger.status()).as(trigger.raw()).isEqualTo(201);

		String registrationId = Platform.newObjectId();
		String email = "asha." + registrationId + "@suite.test";
		Platform.registration(eventId, registrationId, "REG-0042", "Asha", email, 30);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode mails = Platform.mailTo(email);
			assertThat(mails.size()).isEqualTo(1);
			JsonNode mail = mails.get(0);
			assertThat(mail.get("subject").asText()).startsWith("Welcome Asha to Suite Congress");
			assertThat(mail.get("htmlBody").asText()).contains("REG-0042").contains("cid:qrcode");
			assertThat(mail.get("textBody").asText()).contains("Dear Asha");
			assertThat(mail.get("attachments").toString()).contains("image/png");
		});
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Platform.Response log = Platform.call("GET",
					"/api/events/" + eventId + "/notifications?registration=" + registrationId, ADMIN, null);
			assertThat(log.status()).as(log.raw()).isEqualTo(200);
			assertThat(log.data().size()).isEqualTo(1);
			assertThat(log.data().get(0).get("status").asText()).isEqualTo("sent");
			assertThat(log.data().get(0).get("channel").asText()).isEqualTo("email");
		});
	}

	@Test
	void theReportBuilderPageGetsRowsThroughTheGateway() {
		String eventId = Platform.newObjectId();
		Platform.conference(eventId, 30);
		String registrationId = Platform.newObjectId();
		Platform.registration(eventId, registrationId, "REG-0777", "Meera", "meera." + registrationId + "@suite.test",
				30);
		Map<String, Object> request = Map.of("reportType", "registrations", "fields",
				List.of("registrationId", "firstName", "email"), "filters",
				List.of(Map.of("field", "firstName", "operator", "equals", "value", "Meera")), "sortBy",
				"registrationId");
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			Platform.Response preview = Platform.call("POST", "/api/events/" + eventId + "/reports/preview", ADMIN,
					request);
			assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
			assertThat(preview.body().get("success").asBoolean()).isTrue();
			assertThat(preview.data().size()).isEqualTo(1);
			assertThat(preview.data().get(0).get("registrationId").asText()).isEqualTo("REG-0777");
		});
	}

	@Test
	void aConfirmedHotelBookingReachesTheRegistrantByEmailAndOnlyItsOwnerSeesIt() {
		String eventId = Platform.newObjectId();
		Platform.conference(eventId, 30);
		String template = Platform.call("POST", "/api/events/" + eventId + "/notification-templates", ADMIN,
				Map.of("name", "Booking confirmed", "type", "email", "subject", "Your hotel is confirmed",
						"contentHtml", "<p>Dear {{firstName}}, your room is confirmed.</p>", "contentText",
						"Dear {{firstName}}, your room is confirmed."))
			.data()
			.get("_id")
			.asText();
		Platform.Response trigger = Platform.call("POST", "/api/events/" + eventId + "/notification-triggers", ADMIN,
				Map.of("name", "Booking confirmations", "triggerType", "event", "eventType",
						"hotel-booking-status-changed", "conditions",
						List.of(Map.of("field", "newStatus", "operator", "equals", "value", "confirmed")), "templates",
						List.of(Map.of("channel", "email", "template", template))));
		assertThat(trigger.status()).as(trigger.raw()).isEqualTo(201);
		String owner = Platform.newObjectId();
		String email = "guest." + owner + "@suite.test";
		Platform.registration(eventId, owner, "REG-0100", "Kiran", email, 30);
		String other = Platform.newObjectId();
		Platform.registration(eventId, other, "REG-0101", "Other", "other." + other + "@suite.test", 30);

		Platform.Response hotel = Platform.call("POST", "/api/events/" + eventId + "/hotels", ADMIN,
				Map.of("name", "Suite Grand", "roomTypes",
						List.of(Map.of("name", "Deluxe", "capacity", 2, "priceCents", 850000, "currency", "INR"))));
		assertThat(hotel.status()).as(hotel.raw()).isEqualTo(201);
		String hotelId = hotel.data().get("_id").asText();
		LocalDate checkIn = LocalDate.now(ZoneOffset.UTC).plusDays(29);
		Map<String, Object> booking = Map.of("registration", owner, "hotelId", hotelId, "roomType", "Deluxe", "checkIn",
				Map.of("date", checkIn.toString()), "checkOut", Map.of("date", checkIn.plusDays(3).toString()));
		// The registration reaches lodging-travel-service through Kafka; until then the
		// booking is refused (400).
		AtomicReference<Platform.Response> created = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
			created.set(Platform.call("POST", "/api/events/" + eventId + "/hotel-bookings", ADMIN, booking));
			return created.get().status() != 400;
		});
		assertThat(created.get().status()).as(created.get().raw()).isEqualTo(201);
		String bookingId = created.get().data().get("_id").asText();

		String ownerToken = Tokens.registrant(owner, eventId);
		assertThat(Platform
			.call("PATCH", "/api/events/" + eventId + "/hotel-bookings/" + bookingId + "/status", ownerToken,
					Map.of("status", "confirmed"))
			.status()).isEqualTo(403);
		assertThat(Platform
			.call("GET", "/api/events/" + eventId + "/hotel-bookings/" + bookingId, Tokens.registrant(other, eventId),
					null)
			.status()).isEqualTo(404);
		Platform.Response confirmed = Platform.call("PATCH",
				"/api/events/" + eventId + "/hotel-bookings/" + bookingId + "/status", ADMIN,
				Map.of("status", "confirmed"));
		assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
		Platform.Response mine = Platform.call("GET", "/api/events/" + eventId + "/hotel-bookings/" + bookingId,
				ownerToken, null);
		assertThat(mine.status()).as(mine.raw()).isEqualTo(200);
		assertThat(mine.data().get("bookingStatus").asText()).isEqualTo("confirmed");

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode mails = Platform.mailTo(email);
			assertThat(mails.size()).isEqualTo(1);
			assertThat(mails.get(0).get("subject").asText()).isEqualTo("Your hotel is confirmed");
		});
	}

}
