package com.onsiteatlas.suite;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The services working together, as organisers, registrants and the ONSITE ATLAS core
 * meet them: only the gateway, Kafka and the captured mailbox are touched.
 */
@Order(4)
class JourneyTests {

	static final String ADMIN = Tokens.staff(Tokens.ADMIN_ID);

	@BeforeAll
	static void startSuite() {
		SuiteHarness.get();
	}

	/**
	 * Journey 1: the organiser configures e-mail for the event (sender, reply-to, footer)
	 * and checks the connection, creates a template and a registration-created trigger; a
	 * registration event arrives; the registrant gets the confirmation as configured; the
	 * organiser sees it as sent in the log.
	 */
	@Test
	void aRegistrationEventProducesTheConfirmationEmailWithItsQrCodeAndASentLogEntry() {
		String eventId = Platform.newObjectId();
		Platform.conference(eventId, 30);
		String sender = "desk." + eventId + "@suite.test";
		Platform.Response config = Platform.call("PUT", "/api/events/" + eventId + "/notification-config", ADMIN,
				Map.of("email",
						Map.of("enabled", true, "sender", Map.of("name", "Suite Congress Desk", "email", sender),
								"replyTo", "help." + eventId + "@suite.test", "footerText",
								"Suite Congress secretariat, Hall 3")));
		assertThat(config.status()).as(config.raw()).isEqualTo(200);
		Platform.Response stored = Platform.call("GET", "/api/events/" + eventId + "/notification-config", ADMIN, null);
		assertThat(stored.status()).as(stored.raw()).isEqualTo(200);
		assertThat(stored.data().at("/email/sender/email").asText()).isEqualTo(sender);
		assertThat(stored.data().at("/email/enabled").asBoolean()).isTrue();
		Platform.Response connection = Platform.call("POST",
				"/api/events/" + eventId + "/notification-config/test-connection", ADMIN, Map.of("channel", "email"));
		assertThat(connection.status()).as(connection.raw()).isEqualTo(200);
		assertThat(connection.data().toString()).as(connection.raw()).contains("\"success\":true");
		// A registrant must not read or change the organiser's settings.
		assertThat(Platform
			.call("GET", "/api/events/" + eventId + "/notification-config", Tokens.registrant(eventId, eventId), null)
			.status()).isEqualTo(403);

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
			assertThat(mail.get("from").asText()).isEqualTo("Suite Congress Desk <" + sender + ">");
			assertThat(mail.get("headers").get("Reply-To").asText()).isEqualTo("help." + eventId + "@suite.test");
			assertThat(mail.get("htmlBody").asText()).contains("REG-0042").contains("cid:qrcode");
			assertThat(mail.get("textBody").asText()).contains("Dear Asha")
				.contains("Suite Congress secretariat, Hall 3");
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

	/**
	 * Journey 2: a registrant logs its arrival flight and uploads its visa; staff book
	 * and confirm a hotel room; the registrant gets the booking confirmation by e-mail;
	 * the rooming list (XLSX), the arrival manifest (CSV) and the lodging transfer
	 * manifest contain the guest.
	 */
	@Test
	void aRegistrantsFlightVisaAndConfirmedBookingReachItsInboxAndTheRoomingAndTransferLists() throws Exception {
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
		String ownerToken = Tokens.registrant(owner, eventId);
		String otherToken = Tokens.registrant(other, eventId);
		LocalDate checkIn = LocalDate.now(ZoneOffset.UTC).plusDays(29);
		LocalDate checkOut = checkIn.plusDays(3);

		// The registrant logs its own arrival flight; until the registration has reached
		// lodging-travel-service through Kafka the record is refused (400).
		Map<String, Object> itinerary = Map.of("arrival",
				Map.of("date", checkIn.toString(), "time", "09:40", "flightNumber", "AI 101", "airport", "BLR",
						"terminal", "T2", "transferRequired", true),
				"departure", Map.of("date", checkOut.toString(), "time", "18:15", "flightNumber", "6E2043", "airport",
						"BLR", "terminal", "T1", "transferRequired", false));
		Platform.Response travel = awaitNot400(
				() -> Platform.call("POST", "/api/events/" + eventId + "/travel-info", ownerToken, itinerary));
		assertThat(travel.status()).as(travel.raw()).isEqualTo(201);
		String travelId = travel.data().get("_id").asText();
		assertThat(travel.data().get("registrationId").asText()).isEqualTo("REG-0100");

		// ... and uploads its visa (a PDF), which only it and the staff can read back.
		byte[] visa = ("%PDF-1.4\n% visa of " + owner + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
		Platform.Response upload = Platform.upload(
				"/api/events/" + eventId + "/travel-info/" + travelId + "/upload-document", ownerToken, "visa.pdf",
				"application/pdf", visa, Map.of("type", "visa", "name", "Schengen visa"));
		assertThat(upload.status()).as(upload.raw()).isIn(200, 201);
		JsonNode document = upload.data();
		assertThat(document.get("type").asText()).isEqualTo("visa");
		assertThat(document.get("encrypted").asBoolean()).isTrue();
		String download = "/api/events/" + eventId + "/travel-info/" + travelId + "/documents/"
				+ document.get("_id").asText() + "/download";
		assertThat(Platform.download(download, ownerToken).bytes()).isEqualTo(visa);
		assertThat(Platform.download(download, ADMIN).bytes()).isEqualTo(visa);
		assertThat(Platform.download(download, otherToken).status()).isEqualTo(404);

		// Staff book a room and confirm it; the guest cannot confirm it, nor can another
		// registrant see it.
		Platform.Response hotel = Platform.call("POST", "/api/events/" + eventId + "/hotels", ADMIN,
				Map.of("name", "Suite Grand", "roomTypes",
						List.of(Map.of("name", "Deluxe", "capacity", 2, "priceCents", 850000, "currency", "INR"))));
		assertThat(hotel.status()).as(hotel.raw()).isEqualTo(201);
		String hotelId = hotel.data().get("_id").asText();
		Map<String, Object> booking = Map.of("registration", owner, "hotelId", hotelId, "roomType", "Deluxe", "checkIn",
				Map.of("date", checkIn.toString()), "checkOut", Map.of("date", checkOut.toString()));
		Platform.Response created = Platform.call("POST", "/api/events/" + eventId + "/hotel-bookings", ADMIN, booking);
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		String bookingId = created.data().get("_id").asText();
		assertThat(Platform
			.call("PATCH", "/api/events/" + eventId + "/hotel-bookings/" + bookingId + "/status", ownerToken,
					Map.of("status", "confirmed"))
			.status()).isEqualTo(403);
		assertThat(Platform.call("GET", "/api/events/" + eventId + "/hotel-bookings/" + bookingId, otherToken, null)
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
			assertThat(mails.get(0).get("textBody").asText()).contains("Dear Kiran");
		});

		// The rooming list (XLSX) lists the guest in the confirmed room once
		// reporting-service has consumed the booking events.
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Platform.Download file = Platform
				.download("/api/reports/templates/rooming-list/file?eventId=" + eventId + "&format=excel", ADMIN);
			assertThat(file.status()).as(file.text()).isEqualTo(200);
			List<Map<String, String>> rows = xlsxRows(file.bytes());
			assertThat(rows).hasSize(1);
			Map<String, String> guest = rows.get(0);
			assertThat(guest).containsEntry("Registration ID", "REG-0100")
				.containsEntry("Hotel", "Suite Grand")
				.containsEntry("Room Type", "Deluxe")
				.containsEntry("Nights", "3")
				.containsEntry("Status", "confirmed");
			assertThat(guest.get("Attendee Name")).startsWith("Kiran");
			assertThat(guest.get("Check-in Date")).startsWith(checkIn.toString());
			assertThat(guest.get("Check-out Date")).startsWith(checkOut.toString());
		});
		// The arrival and transfer manifest (CSV) has the flight with its transfer need.
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Platform.Download file = Platform
				.download("/api/reports/templates/arrival-manifest/file?eventId=" + eventId + "&format=csv", ADMIN);
			assertThat(file.status()).as(file.text()).isEqualTo(200);
			List<CSVRecord> rows = csvRows(file.text());
			assertThat(rows).hasSize(1);
			CSVRecord arrival = rows.get(0);
			assertThat(arrival.get("Registration ID")).isEqualTo("REG-0100");
			assertThat(arrival.get("Arrival Flight")).isEqualTo("AI 101");
			assertThat(arrival.get("Arrival Airport")).isEqualTo("BLR");
			assertThat(arrival.get("Arrival Time")).isEqualTo("09:40");
			assertThat(arrival.get("Arrival Transfer")).isEqualTo("Yes");
			assertThat(arrival.get("Arrival Date")).startsWith(checkIn.toString());
			assertThat(arrival.get("Departure Flight")).isEqualTo("6E2043");
			assertThat(arrival.get("Departure Transfer")).isEqualTo("No");
		});
		// The lodging transfer manifest groups the pick-up at BLR T2 in the 09:00 window;
		// the departure needs no transfer, so it is not there.
		Platform.Response manifest = Platform.call("GET", "/api/events/" + eventId + "/transfer-manifest?from="
				+ checkIn + "&to=" + checkOut + "&direction=both&airport=BLR", ADMIN, null);
		assertThat(manifest.status()).as(manifest.raw()).isEqualTo(200);
		assertThat(manifest.data().at("/totals/arrivals").asInt()).isEqualTo(1);
		assertThat(manifest.data().at("/totals/departures").asInt()).isZero();
		JsonNode group = manifest.data().get("arrivals").get(0);
		assertThat(group.get("date").asText()).isEqualTo(checkIn.toString());
		assertThat(group.get("terminal").asText()).isEqualTo("T2");
		assertThat(group.get("windowStart").asText()).isEqualTo("09:00");
		assertThat(group.at("/passengers/0/registrationId").asText()).isEqualTo("REG-0100");
		assertThat(group.at("/passengers/0/flightNumber").asText()).isEqualTo("AI 101");
		assertThat(Platform
			.call("GET", "/api/events/" + eventId + "/transfer-manifest?from=" + checkIn + "&to=" + checkOut,
					ownerToken, null)
			.status()).isEqualTo(403);
	}

	/**
	 * Journey 3: a weekly registrations report, scheduled for the next minute (today's
	 * day of the week, UTC), arrives by e-mail as an XLSX attachment holding exactly the
	 * event's registrations.
	 */
	@Test
	void aWeeklyRegistrationsReportArrivesByEmailAsXlsxWithTheEventsRegistrations() throws Exception {
		String eventId = Platform.newObjectId();
		Platform.conference(eventId, 30);
		List<String> names = List.of("Ishaan", "Zoya", "Vikram");
		for (int i = 0; i < names.size(); i++) {
			String id = Platform.newObjectId();
			Platform.registration(eventId, id, "REG-070" + i, names.get(i),
					names.get(i).toLowerCase(java.util.Locale.ROOT) + "." + id + "@suite.test", 30);
		}
		String otherEvent = Platform.newObjectId();
		Platform.conference(otherEvent, 30);
		String stranger = Platform.newObjectId();
		Platform.registration(otherEvent, stranger, "REG-0799", "Stranger", "stranger." + stranger + "@suite.test", 30);
		// The report is cut when it runs: wait until reporting-service has the rows.
		Map<String, Object> everyRow = Map.of("reportType", "registrations", "fields", List.of("registrationId"));
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Platform.Response preview = Platform.call("POST", "/api/events/" + eventId + "/reports/preview", ADMIN,
					everyRow);
			assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
			assertThat(preview.data().size()).isEqualTo(3);
		});

		Platform.Response exportConfig = Platform.call("POST", "/api/export/configs", ADMIN,
				Map.of("name", "Registrations " + eventId, "exportType", "excel", "dataType", "registrations", "event",
						eventId, "fields",
						List.of("registrationId", "firstName", "email", "paymentStatus", "registrationDate"), "sorts",
						List.of(Map.of("field", "registrationId", "direction", "asc"))));
		assertThat(exportConfig.status()).as(exportConfig.raw()).isEqualTo(201);
		// The next whole minute, with at least 20 s to spare for the request itself.
		ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
		ZonedDateTime at = now.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
		if (Duration.between(now, at).toSeconds() < 20) {
			at = at.plusMinutes(1);
		}
		String organiser = "organiser." + eventId + "@suite.test";
		Platform.Response schedule = Platform.call("POST", "/api/reports/schedules", ADMIN,
				Map.of("name", "Weekly registrations", "exportConfig", exportConfig.data().get("_id").asText(),
						"schedule",
						Map.of("frequency", "weekly", "dayOfWeek", at.getDayOfWeek().getValue() % 7, "time",
								at.toLocalTime().toString(), "timezone", "UTC"),
						"delivery", Map.of("type", "email", "recipients", List.of(organiser), "subject",
								"Weekly registrations " + eventId, "message", "This week's registrations.")));
		assertThat(schedule.status()).as(schedule.raw()).isEqualTo(201);
		assertThat(Instant.parse(schedule.data().get("nextRun").asText())).isEqualTo(at.toInstant());
		String scheduleId = schedule.data().get("_id").asText();

		JsonNode mail = await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> Platform.mailTo(organiser), (mails) -> mails.size() > 0)
			.get(0);
		assertThat(Platform.mailTo(organiser).size()).isEqualTo(1);
		assertThat(mail.get("subject").asText()).isEqualTo("Weekly registrations " + eventId);
		assertThat(mail.get("textBody").asText()).contains("This week's registrations.");
		assertThat(Instant.parse(mail.get("receivedAt").asText())).isAfterOrEqualTo(at.toInstant());
		JsonNode attachment = mail.get("attachments").get(0);
		assertThat(mail.get("attachments").size()).isEqualTo(1);
		assertThat(attachment.get("fileName").asText()).endsWith(".xlsx");
		assertThat(attachment.get("contentType").asText())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		List<Map<String, String>> rows = xlsxRows(Platform.mailAttachment(mail.get("id").asLong(), 0));
		assertThat(rows).extracting((row) -> row.get("Registration ID"))
			.containsExactly("REG-0700", "REG-0701", "REG-0702");
		assertThat(rows).extracting((row) -> row.get("First Name")).containsExactly("Ishaan", "Zoya", "Vikram");
		assertThat(rows).allSatisfy((row) -> {
			assertThat(row.get("Email")).endsWith("@suite.test");
			assertThat(row.get("Payment Status")).isEqualTo("paid");
		});

		// The run is recorded as delivered and the next one is a week later.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Platform.Response runs = Platform.call("GET", "/api/reports/schedules/" + scheduleId + "/runs", ADMIN,
					null);
			assertThat(runs.status()).as(runs.raw()).isEqualTo(200);
			assertThat(runs.data().size()).isEqualTo(1);
			assertThat(runs.data().get(0).get("status").asText()).isEqualTo("delivered");
			assertThat(runs.data().get(0).get("deliveredTo").asText()).contains(organiser);
		});
		Platform.Response after = Platform.call("GET", "/api/reports/schedules/" + scheduleId, ADMIN, null);
		assertThat(Instant.parse(after.data().get("nextRun").asText())).isEqualTo(at.plusWeeks(1).toInstant());
	}

	private static Platform.Response awaitNot400(java.util.function.Supplier<Platform.Response> call) {
		AtomicReference<Platform.Response> last = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
			last.set(call.get());
			return last.get().status() != 400;
		});
		return last.get();
	}

	/**
	 * The data rows of the first sheet, keyed by the header row's labels, as a user sees
	 * the cells.
	 */
	static List<Map<String, String>> xlsxRows(byte[] xlsx) throws Exception {
		DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			Row header = sheet.getRow(sheet.getFirstRowNum());
			List<Map<String, String>> rows = new ArrayList<>();
			for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				Map<String, String> values = new LinkedHashMap<>();
				for (Cell cell : header) {
					Cell value = row.getCell(cell.getColumnIndex());
					values.put(cell.getStringCellValue(), (value != null) ? formatter.formatCellValue(value) : "");
				}
				rows.add(values);
			}
			return rows;
		}
	}

	static List<CSVRecord> csvRows(String csv) throws Exception {
		String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
		try (CSVParser parser = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.build()
			.parse(new StringReader(text))) {
			return parser.getRecords();
		}
	}

}
