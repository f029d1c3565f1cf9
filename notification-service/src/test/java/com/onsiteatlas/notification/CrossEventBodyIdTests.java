package com.onsiteatlas.notification;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids in request bodies that name records of another conference: the path's event is
 * checked, but a body can still carry any id. Each test creates the record in conference
 * B, names it in a request to conference A, and asserts the 400 and that nothing was
 * stored, queued or shown.
 */
class CrossEventBodyIdTests extends NotificationIntegrationTest {

	String eventA;

	String eventB;

	WebTestClient admin;

	@BeforeEach
	void setUp() {
		this.eventA = Staff.newEventId();
		this.eventB = Staff.newEventId();
		this.admin = Staff.as(this.client, "admin");
	}

	String created(String uri, String eventId, Map<String, Object> body) {
		byte[] response = this.admin.post()
			.uri(uri, eventId)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
		return JsonPath.read(new String(response, StandardCharsets.UTF_8), "$.data._id");
	}

	String emailTemplate(String eventId) {
		return created("/api/events/{e}/notification-templates", eventId, Map.of("name", "Welcome", "type", "email",
				"subject", "Hello {{firstName}}", "contentHtml", "<p>Hello {{firstName}} {{lastName}}</p>"));
	}

	String manualTrigger(String eventId, String template) {
		return created("/api/events/{e}/notification-triggers", eventId, Map.of("name", "Reminder", "triggerType",
				"manual", "templates", List.of(Map.of("channel", "email", "template", template))));
	}

	/**
	 * A registration as the read model stores it: the projection's upsert keeps the
	 * {@code _id} as an ObjectId, which is what lookups by id match.
	 */
	String registration(String eventId, String humanId, String lastName) {
		String id = Events.newId();
		this.mongo
			.insert(new Document("_id", new ObjectId(id)).append("eventId", eventId)
				.append("registrationId", humanId)
				.append("personalInfo",
						new Document("firstName", "Bea").append("lastName", lastName)
							.append("email", lastName.toLowerCase() + "." + id + "@example.com"))
				.append("status", "active")
				.append("paymentStatus", "paid"), "registrations")
			.block();
		return id;
	}

	long notifications(Criteria criteria) {
		return this.mongo.count(Query.query(criteria), "notifications").block();
	}

	long notificationsOfEitherEvent() {
		return notifications(Criteria.where("event").in(this.eventA, this.eventB));
	}

	WebTestClient.BodyContentSpec refused(String uri, String id, Object body, String message) {
		return this.admin.post()
			.uri(uri, this.eventA, id)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false)
			.jsonPath("$.message")
			.value((String text) -> assertThat(text).contains(message));
	}

	@Test
	void refusesATriggerWhoseTemplateBelongsToAnotherEvent() {
		String templateOfB = emailTemplate(this.eventB);
		refused("/api/events/{e}/notification-triggers", null,
				Map.of("name", "Borrowed", "triggerType", "manual", "templates",
						List.of(Map.of("channel", "email", "template", templateOfB))),
				"'templates[].template' " + templateOfB + " is not a template of this event");
		assertThat(
				this.mongo.count(Query.query(Criteria.where("event").is(this.eventA)), "notification_triggers").block())
			.isZero();

		String ownTrigger = manualTrigger(this.eventA, emailTemplate(this.eventA));
		this.admin.put()
			.uri("/api/events/{e}/notification-triggers/{t}", this.eventA, ownTrigger)
			.bodyValue(Map.of("templates", List.of(Map.of("channel", "email", "template", templateOfB))))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((String text) -> assertThat(text).contains("is not a template of this event"));
		Document stored = this.mongo.findById(ownTrigger, Document.class, "notification_triggers").block();
		assertThat(stored.getList("templates", Document.class)).extracting((ref) -> ref.getString("template"))
			.doesNotContain(templateOfB);
	}

	@Test
	void refusesASendWithATemplateOfAnotherEvent() {
		String templateOfB = emailTemplate(this.eventB);
		Map<String, Object> recipients = Map.of("name", "Priya", "email", "priya." + this.eventA + "@example.com");
		refused("/api/events/{e}/notifications/send", null,
				Map.of("templateId", templateOfB, "recipients", List.of(recipients)),
				"'templateId' " + templateOfB + " is not a template of this event");
		refused("/api/events/{e}/notifications/send", null, Map.of("templateIds",
				List.of(emailTemplate(this.eventA), templateOfB), "recipients", List.of(recipients)),
				"'templateIds' " + templateOfB + " is not a template of this event");
		assertThat(notificationsOfEitherEvent()).isZero();
		assertThat(notifications(Criteria.where("template").is(templateOfB))).isZero();
	}

	@Test
	void refusesASendToRegistrationsOfAnotherEvent() {
		String template = emailTemplate(this.eventA);
		String ofA = registration(this.eventA, "REG-0001", "Ours");
		String ofB = registration(this.eventB, "REG-0001", "Theirs");
		refused("/api/events/{e}/notifications/send", null,
				Map.of("templateId", template, "registrationIds", List.of(ofB)),
				"'registrationIds' holds 1 id(s) that are not registrations of this event");
		// All or nothing: one foreign id refuses the whole send, the own one included.
		refused("/api/events/{e}/notifications/send", null,
				Map.of("templateId", template, "registrationIds", List.of(ofA, ofB)), ofB);
		assertThat(notificationsOfEitherEvent()).isZero();
		assertThat(notifications(Criteria.where("registration").in(ofA, ofB))).isZero();

		// The same send without the foreign id goes through: the refusal was about it.
		this.admin.post()
			.uri("/api/events/{e}/notifications/send", this.eventA)
			.bodyValue(Map.of("templateId", template, "registrationIds", List.of(ofA)))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.data.queued")
			.isEqualTo(1);
		assertThat(notifications(Criteria.where("registration").is(ofB))).isZero();
	}

	@Test
	void refusesAManualTriggerForRegistrationsOfAnotherEvent() {
		String trigger = manualTrigger(this.eventA, emailTemplate(this.eventA));
		String ofA = registration(this.eventA, "REG-0002", "Ours");
		String ofB = registration(this.eventB, "REG-0002", "Theirs");
		refused("/api/events/{e}/notification-triggers/{t}/manual-trigger", trigger,
				Map.of("registrationIds", List.of(ofB)), "not registrations of this event");
		refused("/api/events/{e}/notification-triggers/{t}/manual-trigger", trigger,
				Map.of("registrationIds", List.of(ofA, ofB)), ofB);
		assertThat(notificationsOfEitherEvent()).isZero();
		assertThat(notifications(Criteria.where("registration").in(ofA, ofB))).isZero();
	}

	@Test
	void refusesAPreviewWithARegistrationOfAnotherEvent() {
		String template = emailTemplate(this.eventA);
		String ofB = registration(this.eventB, "REG-0777", "Theirs");
		for (String registrationId : List.of(ofB, "REG-0777")) {
			refused("/api/events/{e}/notification-templates/{id}/preview", template,
					Map.of("registrationId", registrationId),
					"'registrationId' " + registrationId + " is not a registration of this event")
				.jsonPath("$.data")
				.doesNotExist();
		}
		// A's own REG-0777 is found by its human id, never B's.
		registration(this.eventA, "REG-0777", "Ours");
		this.admin.post()
			.uri("/api/events/{e}/notification-templates/{id}/preview", this.eventA, template)
			.bodyValue(Map.of("registrationId", "REG-0777"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.html")
			.value((String html) -> assertThat(html).contains("Bea Ours").doesNotContain("Theirs"));
		assertThat(notificationsOfEitherEvent()).isZero();
	}

}
