package com.onsiteatlas.notification.trigger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.notification.NotificationIntegrationTest;
import com.onsiteatlas.notification.Staff;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A condition on a path the trigger's event never has is refused with the valid paths,
 * instead of being stored and never matching (issue 12, section 5).
 */
class TriggerConditionPathTests extends NotificationIntegrationTest {

	String eventId;

	WebTestClient admin;

	String template;

	@BeforeEach
	void setUp() {
		this.eventId = Staff.newEventId();
		this.admin = Staff.as(this.client, "admin");
		byte[] created = this.admin.post()
			.uri("/api/events/{e}/notification-templates", this.eventId)
			.bodyValue(Map.of("name", "Welcome", "type", "email", "subject", "Welcome", "contentHtml", "<p>Hi</p>"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
		this.template = JsonPath.read(new String(created, StandardCharsets.UTF_8), "$.data._id");
	}

	WebTestClient.ResponseSpec create(String triggerType, String eventType, String field) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Conditional", "triggerType", triggerType,
				"conditions", List.of(Map.of("field", field, "operator", "exists")), "templates",
				List.of(Map.of("channel", "email", "template", this.template))));
		if (eventType != null) {
			body.put("eventType", eventType);
		}
		return this.admin.post().uri("/api/events/{e}/notification-triggers", this.eventId).bodyValue(body).exchange();
	}

	@Test
	void refusesAPathTheEventNeverHasAndNamesTheValidOnes() {
		create("event", "registration-created", "category.name").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("conditions[0].field")
			.jsonPath("$.errors[0].message")
			.value((String message) -> assertThat(message)
				.startsWith("'category.name' is not a field of registration-created triggers; valid fields: ")
				.contains("registration.category.name", "registration.paymentStatus"));
		create("scheduled", null, "registration.nonsense").expectStatus().isBadRequest();
	}

	@Test
	void acceptsThePathsTheConsoleOffersAndCustomFields() {
		create("event", "registration-created", "registration.category.name").expectStatus().isCreated();
		create("event", "registration-created", "registration.customFields.mciNumber").expectStatus().isCreated();
		create("event", "payment-received", "amountCents").expectStatus().isCreated();
		create("manual", null, "paymentStatus").expectStatus().isCreated();
		create("manual", null, "customFields.dietary").expectStatus().isCreated();
	}

}
