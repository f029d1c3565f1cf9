package com.onsiteatlas.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.awaitility.Awaitility.await;

/**
 * A valid request for every route of the three services, on real records: what the
 * security matrix sends for each caller and what the bad-input corpus mutates. Requests
 * that consume a record (a delete, a status change, a second travel record) get a fresh
 * one.
 */
final class SuiteRoutes {

	/**
	 * One request of a cell; {@code owner} is the registration whose records it touches.
	 */
	record Req(String method, String path, Map<String, String> headers, byte[] body, String owner) {

		Req owner(String registration) {
			return new Req(this.method, this.path, this.headers, this.body, registration);
		}

		Req method(String method) {
			return new Req(method, this.path, this.headers, this.body, this.owner);
		}

		Req header(String name, String value) {
			Map<String, String> headers = new LinkedHashMap<>(this.headers);
			headers.put(name, value);
			return new Req(this.method, this.path, headers, this.body, this.owner);
		}

	}

	/**
	 * The records a cell uses: conference A's, or B's for requests with another event's
	 * ids.
	 */
	final class Cell {

		private final SuiteFixtures f;

		Cell(SuiteFixtures f) {
			this.f = f;
		}

		SuiteFixtures f() {
			return this.f;
		}

		String p(String suffix) {
			return a.path(suffix);
		}

		Req get(String path) {
			return new Req("GET", path, Map.of(), null, a.owner);
		}

		Req json(String method, String path, Object body) {
			try {
				return new Req(method, path, Map.of("Content-Type", "application/json"),
						Platform.JSON.writeValueAsBytes(body), a.owner);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		Req form(String method, String path, Multipart form) {
			Map<String, String> headers = new LinkedHashMap<>(form.headers(null));
			return new Req(method, path, headers, form.bytes(), a.owner);
		}

	}

	/** Request of each route ({@code METHOD /path} as in the OpenAPI documents). */
	final Map<String, Function<Cell, Req>> routes = new LinkedHashMap<>();

	final ClientAddressHttp http;

	final SuiteFixtures a;

	final SuiteFixtures b;

	final String configId;

	final String jobId;

	final String scheduleId;

	SuiteRoutes(ClientAddressHttp http, SuiteFixtures a, SuiteFixtures b) {
		this.http = http;
		this.a = a;
		this.b = b;
		defineRoutes();
		this.configId = newExportConfig();
		this.scheduleId = newSchedule();
		// Conference A's ONSITE ATLAS e-mails are imported once, so that reading and
		// activating the cutover have something to act on (every switch off: activating
		// switches nothing on).
		http.json("POST", a.path("/notification/legacy-cutover/import"), SuiteFixtures.ADMIN, legacyEmailSettings());
		this.jobId = SuiteFixtures.id(http.json("POST", "/api/export/generate", SuiteFixtures.ADMIN, exportConfig()));
		await("export job " + this.jobId).atMost(Duration.ofSeconds(60))
			.until(() -> "completed"
				.equals(http.json("GET", "/api/export/status/" + this.jobId, SuiteFixtures.ADMIN, null)
					.json()
					.at("/data/status")
					.asText()));
	}

	/**
	 * ONSITE ATLAS's emailSettings of a conference whose automatic e-mails are all off.
	 */
	static Map<String, Object> legacyEmailSettings() {
		return Map.of("enabled", true, "automaticEmails",
				Map.of("registrationConfirmation", false, "workshopInfo", false), "templates",
				Map.of("registration", Map.of("subject", "Welcome to {{eventName}}", "body",
						"<p>Dear {{firstName}}, your registration {{registrationId}} is confirmed.</p>[QR_CODE]")));
	}

	/**
	 * The request of a route, built on conference A's path with the records of
	 * {@code fixtures} (A's, or B's to put another event's ids under A's path).
	 */
	Req request(String route, SuiteFixtures fixtures) {
		return this.routes.get(route).apply(new Cell(fixtures));
	}

	private void route(String route, Function<Cell, Req> request) {
		this.routes.put(route, request);
	}

	private void defineRoutes() {
		String ev = "/api/events/{eventId}";
		// notification-service
		route("GET " + ev + "/notification-templates", (x) -> x.get(x.p("/notification-templates")));
		route("POST " + ev + "/notification-templates", (x) -> x.json("POST", x.p("/notification-templates"), Map
			.of("name", "Matrix " + UUID.randomUUID(), "type", "email", "subject", "Hi", "contentHtml", "<p>Hi</p>")));
		route("GET " + ev + "/notification-templates/variables",
				(x) -> x.get(x.p("/notification-templates/variables?eventType=registration-created")));
		route("POST " + ev + "/notification-templates/preview", (x) -> x.json("POST",
				x.p("/notification-templates/preview"),
				Map.of("type", "email", "subject", "Hi {{firstName}}", "contentHtml", "<p>Dear {{firstName}}</p>")));
		route("GET " + ev + "/notification-templates/sample-registrations",
				(x) -> x.get(x.p("/notification-templates/sample-registrations?search=&limit=5")));
		route("GET " + ev + "/notification-triggers/event-types",
				(x) -> x.get(x.p("/notification-triggers/event-types")));
		route("GET " + ev + "/notifications/progress", (x) -> x.get(x.p("/notifications/progress")));
		route("GET " + ev + "/notification-templates/{id}",
				(x) -> x.get(x.p("/notification-templates/" + x.f().templateId)));
		route("PUT " + ev + "/notification-templates/{id}",
				(x) -> x.json("PUT", x.p("/notification-templates/" + x.f().templateId),
						Map.of("name", "Matrix renamed", "type", "email", "subject", "Hello {{firstName}}",
								"contentHtml", "<p>Dear {{firstName}}</p>")));
		route("DELETE " + ev + "/notification-templates/{id}",
				(x) -> x.get(x.p("/notification-templates/" + x.f().newTemplate())).method("DELETE"));
		route("POST " + ev + "/notification-templates/{id}/preview",
				(x) -> x.json("POST", x.p("/notification-templates/" + x.f().templateId + "/preview"), Map.of()));
		route("POST " + ev + "/notification-templates/{id}/test",
				(x) -> x.json("POST", x.p("/notification-templates/" + x.f().templateId + "/test"),
						Map.of("email", "matrix-test@suite.test")));
		route("GET " + ev + "/notification-triggers", (x) -> x.get(x.p("/notification-triggers")));
		route("POST " + ev + "/notification-triggers",
				(x) -> x.json("POST", x.p("/notification-triggers"), Map.of("name", "Matrix manual", "triggerType",
						"manual", "templates", List.of(Map.of("channel", "email", "template", a.templateId)))));
		route("GET " + ev + "/notification-triggers/{id}",
				(x) -> x.get(x.p("/notification-triggers/" + x.f().triggerId)));
		route("PUT " + ev + "/notification-triggers/{id}",
				(x) -> x.json("PUT", x.p("/notification-triggers/" + x.f().triggerId),
						Map.of("name", "Matrix manual renamed", "triggerType", "manual", "templates",
								List.of(Map.of("channel", "email", "template", x.f().templateId)))));
		route("DELETE " + ev + "/notification-triggers/{id}",
				(x) -> x.get(x.p("/notification-triggers/" + x.f().newTrigger())).method("DELETE"));
		route("POST " + ev + "/notification-triggers/{id}/manual-trigger",
				(x) -> x.json("POST", x.p("/notification-triggers/" + x.f().triggerId + "/manual-trigger"),
						Map.of("registrationIds", List.of(x.f().owner))));
		route("GET " + ev + "/notifications", (x) -> x.get(x.p("/notifications")));
		route("GET " + ev + "/notifications/{id}", (x) -> x.get(x.p("/notifications/" + x.f().notificationId)));
		route("GET " + ev + "/notifications/registration/{registrationId}",
				(x) -> x.get(x.p("/notifications/registration/" + x.f().owner)));
		route("POST " + ev + "/notifications/send",
				(x) -> x.json("POST", x.p("/notifications/send"), Map.of("templateId", a.templateId, "recipients",
						List.of(Map.of("name", "Matrix", "email", "matrix-send@suite.test")))));
		// A sent notification cannot be resent: 409 is the allowed callers' answer.
		route("POST " + ev + "/notifications/resend/{id}",
				(x) -> x.json("POST", x.p("/notifications/resend/" + x.f().notificationId), Map.of()));
		route("GET " + ev + "/notification-config", (x) -> x.get(x.p("/notification-config")));
		route("PUT " + ev + "/notification-config",
				(x) -> x.json("PUT", x.p("/notification-config"), Map.of("testMode", false)));
		route("POST " + ev + "/notification-config/test-connection",
				(x) -> x.json("POST", x.p("/notification-config/test-connection"), Map.of("channel", "email")));
		for (String legacy : List.of("whatsapp-config", "sms-config")) {
			route("GET " + ev + "/" + legacy, (x) -> x.get(x.p("/" + legacy)));
			route("POST " + ev + "/" + legacy, (x) -> x.json("POST", x.p("/" + legacy), Map.of("enabled", false)));
			route("PUT " + ev + "/" + legacy, (x) -> x.json("PUT", x.p("/" + legacy), Map.of("enabled", false)));
		}
		// The existing client's account checks and test sends (conference A has no SMS
		// account: the balance is 409).
		for (String channel : List.of("whatsapp", "sms")) {
			route("GET /api/" + channel + "/validate",
					(x) -> x.get("/api/" + channel + "/validate?eventId=" + a.eventId));
			route("POST /api/" + channel + "/test", (x) -> x.json("POST", "/api/" + channel + "/test",
					Map.of("phoneNumber", "+15550001234", "message", "Matrix test", "eventId", a.eventId)));
		}
		route("GET /api/sms/balance", (x) -> x.get("/api/sms/balance?eventId=" + a.eventId));
		// The cutover from ONSITE ATLAS's e-mails (imported for A in the constructor).
		route("GET " + ev + "/notification/legacy-cutover", (x) -> x.get(x.p("/notification/legacy-cutover")));
		route("POST " + ev + "/notification/legacy-cutover/import",
				(x) -> x.json("POST", x.p("/notification/legacy-cutover/import"), legacyEmailSettings()));
		route("POST " + ev + "/notification/legacy-cutover/activate",
				(x) -> x.json("POST", x.p("/notification/legacy-cutover/activate"), Map.of()));
		// The audit trails (admin only; conference A's trail has the fixtures' changes).
		route("GET " + ev + "/notification-audit", (x) -> x.get(x.p("/notification-audit?action=template.created")));
		// Retention (issue 15 item 5; admin only): the fixtures' conferences are not
		// deleted, so admin gets 404.
		route("GET " + ev + "/retention/notification-service", (x) -> x.get(x.p("/retention/notification-service")));
		route("POST " + ev + "/retention/notification-service/restore",
				(x) -> x.json("POST", x.p("/retention/notification-service/restore"), Map.of()));
		// Public routes: the gateway checks no token; the signature here is forged.
		route("GET /api/notifications/webhooks/whatsapp/{eventId}", (x) -> x.get("/api/notifications/webhooks/whatsapp/"
				+ a.eventId + "?hub.mode=subscribe&hub.verify_token=forged&hub.challenge=12345"));
		route("POST /api/notifications/webhooks/whatsapp/{eventId}", (x) -> {
			Req req = x.json("POST", "/api/notifications/webhooks/whatsapp/" + a.eventId,
					Map.of("object", "whatsapp_business_account", "entry", List.of()));
			return req.header("X-Hub-Signature-256", "sha256=" + "0".repeat(64));
		});
		route("POST /api/notifications/webhooks/twilio/{notificationId}",
				(x) -> new Req("POST", "/api/notifications/webhooks/twilio/" + a.notificationId,
						Map.of("Content-Type", "application/x-www-form-urlencoded", "X-Twilio-Signature",
								"Zm9yZ2VkLXNpZ25hdHVyZQ=="),
						"MessageSid=SM123&MessageStatus=delivered".getBytes(StandardCharsets.UTF_8), a.owner));
		route("GET /api/notifications/unsubscribe/{token}",
				(x) -> x.get("/api/notifications/unsubscribe/forged.token"));
		route("POST /api/notifications/unsubscribe/{token}",
				(x) -> new Req("POST", "/api/notifications/unsubscribe/forged.token",
						Map.of("Content-Type", "application/x-www-form-urlencoded"),
						"List-Unsubscribe=One-Click".getBytes(StandardCharsets.UTF_8), a.owner));

		// lodging-travel-service
		route("GET " + ev + "/hotels", (x) -> x.get(x.p("/hotels")));
		route("POST " + ev + "/hotels", (x) -> x.json("POST", x.p("/hotels"), Map.of("name", "Matrix Inn", "roomTypes",
				List.of(Map.of("name", "Twin", "capacity", 2, "priceCents", 500000)))));
		route("GET " + ev + "/hotels/{id}", (x) -> x.get(x.p("/hotels/" + x.f().hotelId)));
		route("PUT " + ev + "/hotels/{id}",
				(x) -> x.json("PUT", x.p("/hotels/" + x.f().hotelId), Map.of("distanceToVenue", "2 km")));
		route("DELETE " + ev + "/hotels/{id}", (x) -> x.get(x.p("/hotels/" + x.f().newHotel())).method("DELETE"));
		route("GET " + ev + "/hotel-bookings", (x) -> x.get(x.p("/hotel-bookings")));
		route("POST " + ev + "/hotel-bookings", (x) -> x.json("POST", x.p("/hotel-bookings"), a.bookingBody(a.owner)));
		route("GET " + ev + "/hotel-bookings/{id}",
				(x) -> x.get(x.p("/hotel-bookings/" + x.f().bookingId)).owner(x.f().owner));
		route("PUT " + ev + "/hotel-bookings/{id}",
				(x) -> x
					.json("PUT", x.p("/hotel-bookings/" + x.f().bookingId), Map.of("specialRequests", "Late arrival"))
					.owner(x.f().owner));
		route("DELETE " + ev + "/hotel-bookings/{id}", (x) -> {
			String[] fresh = x.f().freshBooking();
			return x.get(x.p("/hotel-bookings/" + fresh[0])).method("DELETE").owner(fresh[1]);
		});
		route("PATCH " + ev + "/hotel-bookings/{id}/status", (x) -> {
			String[] fresh = x.f().freshBooking();
			return x.json("PATCH", x.p("/hotel-bookings/" + fresh[0] + "/status"), Map.of("status", "confirmed"))
				.owner(fresh[1]);
		});
		route("POST " + ev + "/hotel-bookings/{id}/upload-confirmation",
				(x) -> x
					.form("POST", x.p("/hotel-bookings/" + x.f().bookingId + "/upload-confirmation"),
							Multipart.of().file("file", "confirmation.pdf", "application/pdf", SuiteFixtures.PDF))
					.owner(x.f().owner));
		route("GET " + ev + "/hotel-bookings/{id}/confirmation",
				(x) -> x.get(x.p("/hotel-bookings/" + x.f().bookingId + "/confirmation")).owner(x.f().owner));
		route("GET " + ev + "/hotel-bookings/registration/{registrationId}",
				(x) -> x.get(x.p("/hotel-bookings/registration/" + x.f().owner)).owner(x.f().owner));
		route("GET " + ev + "/travel-info", (x) -> x.get(x.p("/travel-info")));
		route("POST " + ev + "/travel-info", (x) -> {
			String registration = a.freshRegistration();
			return x.json("POST", x.p("/travel-info"), a.travelBody(registration)).owner(registration);
		});
		route("GET " + ev + "/travel-info/{id}",
				(x) -> x.get(x.p("/travel-info/" + x.f().travelId)).owner(x.f().owner));
		route("PUT " + ev + "/travel-info/{id}",
				(x) -> x.json("PUT", x.p("/travel-info/" + x.f().travelId), Map.of("notes", "Window seat"))
					.owner(x.f().owner));
		route("DELETE " + ev + "/travel-info/{id}", (x) -> {
			String registration = x.f().freshRegistration();
			return x.get(x.p("/travel-info/" + x.f().newTravel(registration))).method("DELETE").owner(registration);
		});
		route("GET " + ev + "/travel-info/registration/{registrationId}",
				(x) -> x.get(x.p("/travel-info/registration/" + x.f().owner)).owner(x.f().owner));
		route("GET " + ev + "/travel-info/document-audit",
				(x) -> x.get(x.p("/travel-info/document-audit?resourceId=" + x.f().travelId)));
		route("GET " + ev + "/retention/lodging-travel-service",
				(x) -> x.get(x.p("/retention/lodging-travel-service")));
		route("POST " + ev + "/retention/lodging-travel-service/restore",
				(x) -> x.json("POST", x.p("/retention/lodging-travel-service/restore"), Map.of()));
		route("POST " + ev + "/travel-info/{id}/upload-document",
				(x) -> x.form("POST", x.p("/travel-info/" + x.f().travelId + "/upload-document"),
						Multipart.of()
							.field("type", "flight-ticket")
							.file("file", "ticket.pdf", "application/pdf", SuiteFixtures.PDF))
					.owner(x.f().owner));
		route("GET " + ev + "/travel-info/{id}/documents/{documentId}/download",
				(x) -> x.get(x.p("/travel-info/" + x.f().travelId + "/documents/" + x.f().documentId + "/download"))
					.owner(x.f().owner));
		route("DELETE " + ev + "/travel-info/{id}/documents/{documentId}",
				(x) -> x.get(x.p("/travel-info/" + x.f().travelId + "/documents/" + x.f().newDocument(x.f().travelId)))
					.method("DELETE")
					.owner(x.f().owner));
		route("GET " + ev + "/registrants", (x) -> x.get(x.p("/registrants?search=&limit=5")));
		route("GET " + ev + "/registrants/me", (x) -> x.get(x.p("/registrants/me")));
		route("GET " + ev + "/room-blocks", (x) -> x.get(x.p("/room-blocks")));
		// A night without bookings, so that the change never falls below what is booked.
		route("PUT " + ev + "/room-blocks",
				(x) -> x.json("PUT", x.p("/room-blocks"),
						Map.of("hotelId", this.a.hotelId, "roomType", "Deluxe", "firstNight",
								this.a.checkIn.plusDays(3).toString(), "lastNight",
								this.a.checkIn.plusDays(3).toString(), "rooms", 4)));
		route("DELETE " + ev + "/room-blocks/{id}",
				(x) -> x.get(x.p("/room-blocks/" + x.f().newRoomBlock())).method("DELETE"));
		route("GET " + ev + "/room-blocks/pickup", (x) -> x.get(x.p("/room-blocks/pickup")));
		route("GET " + ev + "/transfer-manifest", (x) -> x.get(x.p("/transfer-manifest?from=" + a.checkIn + "&to="
				+ a.checkIn.plusDays(3) + "&direction=both&windowMinutes=60")));

		// reporting-service
		route("GET /api/export/catalog", (x) -> x.get("/api/export/catalog"));
		route("GET /api/export/catalog/{dataType}", (x) -> x.get("/api/export/catalog/registrations"));
		route("GET /api/export/configs", (x) -> x.get("/api/export/configs"));
		route("POST /api/export/configs", (x) -> x.json("POST", "/api/export/configs", exportConfig()));
		route("GET /api/export/configs/{id}", (x) -> x.get("/api/export/configs/" + configId));
		route("PUT /api/export/configs/{id}",
				(x) -> x.json("PUT", "/api/export/configs/" + this.configId, globalExportConfig()));
		route("DELETE /api/export/configs/{id}",
				(x) -> x.get("/api/export/configs/" + newExportConfig()).method("DELETE"));
		route("POST /api/export/generate", (x) -> x.json("POST", "/api/export/generate", exportConfig()));
		route("GET /api/export/status/{id}", (x) -> x.get("/api/export/status/" + jobId));
		route("GET /api/export/download/{id}", (x) -> x.get("/api/export/download/" + jobId));
		route("GET /api/export/history", (x) -> x.get("/api/export/history"));
		route("POST " + ev + "/reports/preview", (x) -> x.json("POST", x.p("/reports/preview"), preview()));
		route("GET " + ev + "/reporting-audit", (x) -> x.get(x.p("/reporting-audit?from=2026-01-01")));
		route("GET " + ev + "/retention/reporting-service", (x) -> x.get(x.p("/retention/reporting-service")));
		route("POST " + ev + "/retention/reporting-service/restore",
				(x) -> x.json("POST", x.p("/retention/reporting-service/restore"), Map.of()));
		route("POST /api/reports/builder/file",
				(x) -> x.json("POST", "/api/reports/builder/file?eventId=" + a.eventId + "&format=csv", preview()));
		route("GET /api/reports/templates", (x) -> x.get("/api/reports/templates"));
		route("GET /api/reports/templates/{templateId}/data",
				(x) -> x.get("/api/reports/templates/registrations-by-category-status/data?eventId=" + a.eventId));
		route("GET /api/reports/templates/{templateId}/file", (x) -> x
			.get("/api/reports/templates/registrations-by-category-status/file?eventId=" + a.eventId + "&format=csv"));
		route("GET /api/reports/schedules", (x) -> x.get("/api/reports/schedules"));
		route("POST /api/reports/schedules", (x) -> x.json("POST", "/api/reports/schedules", schedule()));
		route("GET /api/reports/schedules/{id}", (x) -> x.get("/api/reports/schedules/" + scheduleId));
		route("PUT /api/reports/schedules/{id}",
				(x) -> x.json("PUT", "/api/reports/schedules/" + scheduleId, schedule()));
		route("DELETE /api/reports/schedules/{id}",
				(x) -> x.get("/api/reports/schedules/" + newSchedule()).method("DELETE"));
		route("POST /api/reports/schedules/{id}/run-now",
				(x) -> x.json("POST", "/api/reports/schedules/" + scheduleId + "/run-now", Map.of()));
		route("GET /api/reports/schedules/{id}/runs", (x) -> x.get("/api/reports/schedules/" + scheduleId + "/runs"));
		route("GET /api/reports/projection-status", (x) -> x.get("/api/reports/projection-status"));
		route("GET /api/reports/conferences", (x) -> x.get("/api/reports/conferences?search=&limit=5"));
		route("GET /api/reports/conferences/{eventId}", (x) -> x.get("/api/reports/conferences/" + a.eventId));
		route("GET /api/reports/favorites", (x) -> x.get("/api/reports/favorites?eventId=" + this.a.eventId));
		// Favourites are per user: each caller marks its own (201).
		route("POST /api/reports/favorites", (x) -> x.json("POST", "/api/reports/favorites",
				Map.of("kind", "template", "targetId", "registrations-by-category-status", "eventId", this.a.eventId)));
		route("DELETE /api/reports/favorites/{id}",
				(x) -> x.get("/api/reports/favorites/" + newFavorite()).method("DELETE"));
	}

	/** A config of the caller's own (any staff member may create one). */
	Map<String, Object> exportConfig() {
		return Map.of("name", "Matrix export", "exportType", "csv", "dataType", "registrations", "event",
				this.a.eventId, "fields", List.of("registrationId", "firstName", "email"));
	}

	/**
	 * A global config: visible to every staff member, changed only by its creator, an
	 * admin or a manager (configs of others that are not global are not even visible).
	 */
	Map<String, Object> globalExportConfig() {
		Map<String, Object> config = new LinkedHashMap<>(exportConfig());
		config.put("isGlobal", true);
		return config;
	}

	Map<String, Object> preview() {
		return Map.of("reportType", "registrations", "fields", List.of("registrationId", "firstName"));
	}

	/**
	 * A global schedule, so that every staff member sees it; only admins and managers
	 * change it.
	 */
	Map<String, Object> schedule() {
		return Map.of("name", "Matrix weekly", "report", "registrations-by-category-status", "eventId", this.a.eventId,
				"format", "csv", "isGlobal", true, "schedule",
				Map.of("frequency", "weekly", "dayOfWeek", 1, "time", "09:00", "timezone", "UTC"), "delivery",
				Map.of("type", "email", "recipients", List.of("matrix-report@suite.test")));
	}

	String newExportConfig() {
		return SuiteFixtures.id(http.json("POST", "/api/export/configs", SuiteFixtures.ADMIN, globalExportConfig()));
	}

	String newSchedule() {
		return SuiteFixtures.id(http.json("POST", "/api/reports/schedules", SuiteFixtures.ADMIN, schedule()));
	}

	String newFavorite() {
		return SuiteFixtures
			.id(http.json("POST", "/api/reports/favorites", SuiteFixtures.ADMIN, Map.of("kind", "builder", "name",
					"Matrix favourite " + UUID.randomUUID(), "eventId", this.a.eventId, "definition", preview())));
	}

}
