package com.onsiteatlas.notification.template;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.notification.NotificationIntegrationTest;
import com.onsiteatlas.notification.Staff;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

class TemplateApiTests extends NotificationIntegrationTest {

	String eventId;

	WebTestClient admin;

	@BeforeEach
	void setUp() {
		this.eventId = Staff.newEventId();
		this.admin = Staff.as(this.client, "admin");
	}

	String createTemplate(Map<String, Object> body) {
		byte[] response = this.admin.post()
			.uri("/api/events/{e}/notification-templates", this.eventId)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
		return com.jayway.jsonpath.JsonPath.read(new String(response), "$.data._id");
	}

	static Map<String, Object> email(String name) {
		return Map.of("name", name, "type", "email", "subject", "Welcome to {{eventName}}", "contentHtml",
				"<p>Dear {{firstName}},</p><p>Your id is {{registrationId}}.</p>[QR_CODE]", "variables",
				List.of("firstName", "eventName", "registrationId", "[QR_CODE]"));
	}

	@Test
	void createsListsUpdatesAndDeletesTemplates() {
		String id = createTemplate(email("Confirmation"));
		createTemplate(Map.of("name", "SMS reminder", "type", "sms", "contentText", "Hi {{firstName}}"));
		this.admin.get()
			.uri("/api/events/{e}/notification-templates?type=email", this.eventId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.length()")
			.isEqualTo(1)
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(1)
			.jsonPath("$.data[0].name")
			.isEqualTo("Confirmation");
		this.admin.get()
			.uri("/api/events/{e}/notification-templates?search=remind&limit=1", this.eventId)
			.exchange()
			.expectBody()
			.jsonPath("$.data[0].type")
			.isEqualTo("sms");
		this.admin.put()
			.uri("/api/events/{e}/notification-templates/{id}", this.eventId, id)
			.bodyValue(Map.of("isActive", false))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.isActive")
			.isEqualTo(false)
			.jsonPath("$.data.subject")
			.isEqualTo("Welcome to {{eventName}}");
		this.admin.delete()
			.uri("/api/events/{e}/notification-templates/{id}", this.eventId, id)
			.exchange()
			.expectStatus()
			.isOk();
		this.admin.get()
			.uri("/api/events/{e}/notification-templates/{id}", this.eventId, id)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void rejectsInvalidTemplatesWithFieldErrors() {
		this.admin.post()
			.uri("/api/events/{e}/notification-templates", this.eventId)
			.bodyValue(Map.of("name", "x", "type", "fax", "contentText", "hi"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false);
		this.admin.post()
			.uri("/api/events/{e}/notification-templates", this.eventId)
			.bodyValue(Map.of("name", "x", "type", "email", "contentHtml", "<p>{{#if x}}unclosed</p>"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value(hasItem("subject"))
			.jsonPath("$.errors[*].field")
			.value(hasItem("contentHtml"));
		this.admin.post()
			.uri("/api/events/{e}/notification-templates", this.eventId)
			.bodyValue(Map.of("name", "x", "type", "sms", "contentText", "hi", "unknownField", 1))
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.admin.get()
			.uri("/api/events/{e}/notification-templates/not-an-id", this.eventId)
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void letsStaffReadButOnlyAdminsAndManagersWrite() {
		String id = createTemplate(email("Confirmation"));
		WebTestClient staff = Staff.as(this.client, "staff");
		staff.get()
			.uri("/api/events/{e}/notification-templates/{id}", this.eventId, id)
			.exchange()
			.expectStatus()
			.isOk();
		staff.post()
			.uri("/api/events/{e}/notification-templates", this.eventId)
			.bodyValue(email("Not allowed"))
			.exchange()
			.expectStatus()
			.isForbidden();
		staff.delete()
			.uri("/api/events/{e}/notification-templates/{id}", this.eventId, id)
			.exchange()
			.expectStatus()
			.isForbidden();
		Staff.as(this.client, "manager")
			.put()
			.uri("/api/events/{e}/notification-templates/{id}", this.eventId, id)
			.bodyValue(Map.of("name", "Renamed"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void listsVariablesPerEventTypeWithoutBeingTakenForAnId() {
		this.admin.get()
			.uri("/api/events/{e}/notification-templates/variables", this.eventId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data['registration-created'][*].name")
			.value(hasItem("firstName"))
			.jsonPath("$.data['payment-received'][*].name")
			.value(hasItem("transactionId"))
			.jsonPath("$.data['hotel-booking-created'][*].name")
			.value(hasItem("hotelName"))
			.jsonPath("$.data['registration-created'][0].sample")
			.isEqualTo("Priya");
	}

	@Test
	void previewsWithSampleDataAndReportsProblems() {
		String id = createTemplate(Map.of("name", "Preview", "type", "email", "subject", "Hello {{firstName}}",
				"contentHtml", "<p>{{firstName}} {{favouriteColour}}</p>", "variables",
				List.of("firstName", "registrationId")));
		this.admin.post()
			.uri("/api/events/{e}/notification-templates/{id}/preview", this.eventId, id)
			.bodyValue(Map.of("eventType", "registration-created"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.subject")
			.isEqualTo("Hello Priya")
			.jsonPath("$.data.text")
			.isEqualTo("Priya")
			.jsonPath("$.data.unknownVariables")
			.isEqualTo(List.of("favouriteColour"))
			.jsonPath("$.data.missingRequired")
			.isEqualTo(List.of("registrationId"))
			.jsonPath("$.data.dataSource")
			.isEqualTo("sample");
	}

	@Test
	void previewEscapesMarkupInHtmlEmail() {
		String id = createTemplate(email("XSS"));
		this.admin.post()
			.uri("/api/events/{e}/notification-templates/{id}/preview", this.eventId, id)
			.bodyValue(Map.of("data", Map.of("firstName", "<script>alert('x')</script>")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.html")
			.value(not(containsString("<script>")))
			.jsonPath("$.data.html")
			.value(containsString("&lt;script&gt;"));
	}

	@Test
	void previewReportsSmsSegmentsAndWhatsAppParameters() {
		String sms = createTemplate(Map.of("name", "SMS", "type", "sms", "contentText", "Namaste {{firstName}} 🙏"));
		this.admin.post()
			.uri("/api/events/{e}/notification-templates/{id}/preview", this.eventId, sms)
			.bodyValue(Map.of())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.sms.encoding")
			.isEqualTo("UCS-2")
			.jsonPath("$.data.sms.segments")
			.isEqualTo(1);
		String whatsapp = createTemplate(Map.of("name", "WA", "type", "whatsapp", "contentText", "Hi {{firstName}}",
				"whatsapp", Map.of("name", "registration_confirmed", "language", "en", "parameters",
						List.of("{{firstName}}", "{{eventName}}"))));
		this.admin.post()
			.uri("/api/events/{e}/notification-templates/{id}/preview", this.eventId, whatsapp)
			.bodyValue(Map.of())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.whatsapp.parameterCount")
			.isEqualTo(2)
			.jsonPath("$.data.whatsapp.parameters[0]")
			.isEqualTo("Priya");
	}

	String registration(String humanId, String firstName, String lastName, java.time.Instant firstSeen) {
		String id = new org.bson.types.ObjectId().toHexString();
		this.mongo
			.insert(new org.bson.Document("_id", new org.bson.types.ObjectId(id)).append("eventId", this.eventId)
				.append("registrationId", humanId)
				.append("personalInfo",
						new org.bson.Document("firstName", firstName).append("lastName", lastName)
							.append("email", id + "@example.com"))
				.append("status", "active")
				.append("searchText", (firstName + " " + lastName + " " + id + "@example.com " + humanId).toLowerCase())
				.append("firstSeenAt", java.util.Date.from(firstSeen)), "registrations")
			.block();
		return id;
	}

	@Test
	void previewsAnUnsavedTemplateWithTheRulesOfASavedOne() {
		String id = registration("REG-4101", "अनन्या", "Iyer", java.time.Instant.now());
		this.admin.post()
			.uri("/api/events/{e}/notification-templates/preview", this.eventId)
			.bodyValue(Map.of("type", "email", "subject", "Hello {{firstName}}", "contentHtml",
					"<p>{{firstName}} {{lastName}} {{favouriteColour}}</p>", "variables", List.of("registrationId"),
					"registrationId", id))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.subject")
			.isEqualTo("Hello अनन्या")
			.jsonPath("$.data.html")
			.value(containsString("अनन्या Iyer"))
			.jsonPath("$.data.unknownVariables")
			.isEqualTo(List.of("favouriteColour"))
			.jsonPath("$.data.missingRequired")
			.isEqualTo(List.of("registrationId"))
			.jsonPath("$.data.dataSource")
			.isEqualTo("registration");
		this.admin.post()
			.uri("/api/events/{e}/notification-templates/preview", this.eventId)
			.bodyValue(Map.of("type", "sms", "contentText", "Namaste {{firstName}} 🙏"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.sms.encoding")
			.isEqualTo("UCS-2")
			.jsonPath("$.data.dataSource")
			.isEqualTo("sample");
		this.admin.post()
			.uri("/api/events/{e}/notification-templates/preview", this.eventId)
			.bodyValue(Map.of("type", "email", "subject", "Hi", "contentHtml", "<p>{{#if x}}unclosed</p>"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value(hasItem("contentHtml"));
		this.admin.post()
			.uri("/api/events/{e}/notification-templates/preview", this.eventId)
			.bodyValue(Map.of("subject", "Hi"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value(hasItem("type"));
		this.admin.post()
			.uri("/api/events/{e}/notification-templates/preview", this.eventId)
			.bodyValue(Map.of("type", "sms", "contentText", "Hi", "registrationId", "REG-9999"))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void listsTheEventsRegistrationsToPreviewWithNewestFirstAndSearchable() {
		java.time.Instant now = java.time.Instant.now();
		String older = registration("REG-4201", "Priya", "Nair", now.minusSeconds(60));
		String newer = registration("REG-4202", "陈", "伟", now);
		String otherEvent = this.eventId;
		this.eventId = Staff.newEventId();
		registration("REG-4203", "Priya", "Elsewhere", now);
		this.eventId = otherEvent;
		this.admin.get()
			.uri("/api/events/{e}/notification-templates/sample-registrations", this.eventId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.length()")
			.isEqualTo(2)
			.jsonPath("$.data[0]._id")
			.isEqualTo(newer)
			.jsonPath("$.data[0].firstName")
			.isEqualTo("陈")
			.jsonPath("$.data[1].registrationId")
			.isEqualTo("REG-4201");
		Staff.as(this.client, "staff")
			.get()
			.uri("/api/events/{e}/notification-templates/sample-registrations?search=PRIYA", this.eventId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.length()")
			.isEqualTo(1)
			.jsonPath("$.data[0]._id")
			.isEqualTo(older);
		this.admin.get()
			.uri("/api/events/{e}/notification-templates/sample-registrations?limit=500", this.eventId)
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void refusesATestSendWithoutATestRecipientForTheChannel() {
		String sms = createTemplate(Map.of("name", "SMS", "type", "sms", "contentText", "Hi {{firstName}}"));
		this.admin.post()
			.uri("/api/events/{e}/notification-templates/{id}/test", this.eventId, sms)
			.bodyValue(Map.of("email", "qa@example.org"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("No test recipient: give 'phone' or configure testRecipients in notification-config");
	}

	@Test
	void previewsTheTextPartWithEveryCharacterReferenceDecoded() {
		String id = createTemplate(Map.of("name", "Fee", "type", "email", "subject", "Fee", "contentHtml",
				"<p>It&rsquo;s {{firstName}}&rsquo;s day &mdash; fee &#8377;500</p>"));
		this.admin.post()
			.uri("/api/events/{e}/notification-templates/{id}/preview", this.eventId, id)
			.bodyValue(Map.of("data", Map.of("firstName", "Priya")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.text")
			.isEqualTo("It\u2019s Priya\u2019s day \u2014 fee \u20b9500");
	}

}
