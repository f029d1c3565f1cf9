package com.onsiteatlas.notification.settings;

import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.notification.NotificationIntegrationTest;
import com.onsiteatlas.notification.Staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

class ConfigApiTests extends NotificationIntegrationTest {

	String eventId;

	WebTestClient admin;

	@BeforeEach
	void setUp() {
		this.eventId = Staff.newEventId();
		this.admin = Staff.as(this.client, "admin");
	}

	private Document stored() {
		return this.mongo.findById(this.eventId, Document.class, "notification_configs").block();
	}

	@Test
	void encryptsSecretsAtRestAndNeverReturnsThem() {
		this.admin.put()
			.uri("/api/events/{e}/notification-config", this.eventId)
			.bodyValue(Map.of("email",
					Map.of("sender", Map.of("name", "ICC", "email", "icc@example.org"), "smtp",
							Map.of("host", "smtp.example.org", "port", 587, "username", "icc", "password",
									"smtp-password-1234")),
					"whatsapp", Map.of("enabled", true, "phoneNumberId", "1055", "apiKey", "EAAG-whatsapp-token-9876"),
					"sms",
					Map.of("enabled", true, "provider", "twilio", "config",
							Map.of("accountSid", "AC123", "authToken", "twilio-token-5555", "fromNumber",
									"+15550001"))))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.email.smtp.password")
			.isEqualTo("********1234")
			.jsonPath("$.data.whatsapp.apiKey")
			.isEqualTo("********9876")
			.jsonPath("$.data.sms.providers.twilio.authToken")
			.isEqualTo("********5555")
			.jsonPath("$.data.sms.providers.twilio.accountSid")
			.isEqualTo("AC123");
		String raw = stored().toJson();
		assertThat(raw).doesNotContain("smtp-password-1234", "EAAG-whatsapp-token-9876", "twilio-token-5555");
		assertThat(stored().get("email", Document.class).get("smtp", Document.class).getString("password"))
			.startsWith("v2:k2:");
		Staff.as(this.client, "staff")
			.get()
			.uri("/api/events/{e}/notification-config", this.eventId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.email.smtp.password")
			.isEqualTo("********1234");
	}

	@Test
	void keepsAStoredSecretWhenAnUpdateOmitsOrMasksIt() {
		this.admin.put()
			.uri("/api/events/{e}/notification-config", this.eventId)
			.bodyValue(Map.of("email",
					Map.of("smtp",
							Map.of("host", "smtp.example.org", "username", "u", "password", "first-secret-0001"))))
			.exchange()
			.expectStatus()
			.isOk();
		String first = stored().get("email", Document.class).get("smtp", Document.class).getString("password");
		this.admin.put()
			.uri("/api/events/{e}/notification-config", this.eventId)
			.bodyValue(Map.of("email",
					Map.of("replyTo", "help@example.org", "smtp",
							Map.of("username", "u2", "password", "********0001"))))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.email.smtp.username")
			.isEqualTo("u2")
			.jsonPath("$.data.email.smtp.password")
			.isEqualTo("********0001");
		assertThat(stored().get("email", Document.class).get("smtp", Document.class).getString("password"))
			.isEqualTo(first);
		this.admin.put()
			.uri("/api/events/{e}/notification-config", this.eventId)
			.bodyValue(Map.of("email", Map.of("smtp", Map.of("password", "second-secret-0002"))))
			.exchange()
			.expectBody()
			.jsonPath("$.data.email.smtp.password")
			.isEqualTo("********0002");
	}

	@Test
	void aBlankTextFieldClearsItWhileAnAbsentOneKeepsIt() {
		this.admin.put()
			.uri("/api/events/{e}/notification-config", this.eventId)
			.bodyValue(Map.of("email",
					Map.of("replyTo", "help@example.org", "sender", Map.of("name", "ICC", "email", "icc@example.org")),
					"testRecipients", Map.of("email", "qa@example.org", "phone", "+15550002")))
			.exchange()
			.expectStatus()
			.isOk();
		this.admin.put()
			.uri("/api/events/{e}/notification-config", this.eventId)
			.bodyValue(Map.of("email", Map.of("replyTo", "", "sender", Map.of("email", "")), "testRecipients",
					Map.of("phone", "")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.email.replyTo")
			.doesNotExist()
			.jsonPath("$.data.email.sender.email")
			.doesNotExist()
			.jsonPath("$.data.email.sender.name")
			.isEqualTo("ICC")
			.jsonPath("$.data.testRecipients.email")
			.isEqualTo("qa@example.org")
			.jsonPath("$.data.testRecipients.phone")
			.doesNotExist();
	}

	@Test
	void mapsTheLegacyWhatsAppAndSmsShapesOntoTheSameConfiguration() {
		this.admin.post()
			.uri("/api/events/{e}/whatsapp-config", this.eventId)
			.bodyValue(Map.of("enabled", true, "businessApiUrl", "https://graph.facebook.com/v21.0", "apiToken",
					"legacy-token-abcd", "phoneNumberId", "777", "webhookToken", "verify-me", "rateLimit", 60,
					"templates", Map.of("registrationConfirmation", "Hi {{firstName}}")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.config.apiToken")
			.isEqualTo("********abcd")
			.jsonPath("$.data.config.phoneNumberId")
			.isEqualTo("777");
		this.admin.post()
			.uri("/api/events/{e}/sms-config", this.eventId)
			.bodyValue(Map.of("enabled", true, "provider", "twilio", "providers",
					Map.of("twilio",
							Map.of("accountSid", "AC9", "authToken", "legacy-twilio-zzzz", "fromNumber", "+1555"),
							"msg91", Map.of("apiKey", "msg91-key-1111", "senderId", "ATLAS", "route", "4")),
					"rateLimit", 30))
			.exchange()
			.expectStatus()
			.isOk();
		this.admin.get()
			.uri("/api/events/{e}/notification-config", this.eventId)
			.exchange()
			.expectBody()
			.jsonPath("$.data.whatsapp.enabled")
			.isEqualTo(true)
			.jsonPath("$.data.whatsapp.apiKey")
			.isEqualTo("********abcd")
			.jsonPath("$.data.sms.providers.twilio.authToken")
			.isEqualTo("********zzzz")
			.jsonPath("$.data.sms.providers.msg91.apiKey")
			.isEqualTo("********1111");
		this.admin.get()
			.uri("/api/events/{e}/sms-config", this.eventId)
			.exchange()
			.expectBody()
			.jsonPath("$.data.config.providers.twilio.accountSid")
			.isEqualTo("AC9")
			.jsonPath("$.data.config.rateLimit")
			.isEqualTo(30);
	}

	@Test
	void onlyAdminsAndManagersChangeTheConfiguration() {
		Staff.as(this.client, "staff")
			.put()
			.uri("/api/events/{e}/notification-config", this.eventId)
			.bodyValue(Map.of("testMode", false))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.admin.put()
			.uri("/api/events/{e}/notification-config", this.eventId)
			.bodyValue(Map.of("testMode", true))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value(containsString("test recipients"));
	}

	@Test
	void testConnectionReallyConnectsAndSaysWhatFailed() {
		this.admin.post()
			.uri("/api/events/{e}/notification-config/test-connection", this.eventId)
			.bodyValue(Map.of("channel", "email"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(true)
			.jsonPath("$.data[0].message")
			.value(startsWith("Connected to 127.0.0.1"));
		this.admin.put()
			.uri("/api/events/{e}/notification-config", this.eventId)
			.bodyValue(Map.of("email", Map.of("smtp", Map.of("host", "127.0.0.1", "port", 1))))
			.exchange()
			.expectStatus()
			.isOk();
		this.admin.post()
			.uri("/api/events/{e}/notification-config/test-connection", this.eventId)
			.bodyValue(Map.of("channel", "email"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false)
			.jsonPath("$.data[0].message")
			.value(startsWith("Cannot connect to 127.0.0.1:1"));
	}

}
