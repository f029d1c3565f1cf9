package com.onsiteatlas.notification.settings;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.notification.NotificationIntegrationTest;
import com.onsiteatlas.notification.Staff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Where a manager may send the event's secrets (issue 15, item 1): internal destinations
 * are refused unless the operator allow-lists them (the tests name {@code 127.0.0.1}
 * only), a stored secret is kept only for the destination it was given for, path segments
 * are checked, and a connection test answers with a class, never the remote side's text.
 */
class ConfigDestinationsTests extends NotificationIntegrationTest {

	String eventId;

	WebTestClient manager;

	@BeforeEach
	void setUp() {
		this.eventId = Staff.newEventId();
		this.manager = Staff.as(this.client, "manager");
	}

	private String standIn(String host, String path) {
		return "http://" + host + ":" + PROVIDERS.port() + path;
	}

	private WebTestClient.ResponseSpec put(Map<String, Object> body) {
		return this.manager.put().uri("/api/events/{e}/notification-config", this.eventId).bodyValue(body).exchange();
	}

	private WebTestClient.BodyContentSpec testConnection(String channel) {
		return this.manager.post()
			.uri("/api/events/{e}/notification-config/test-connection", this.eventId)
			.bodyValue(Map.of("channel", channel))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	@Test
	void refusesAWhatsAppUrlOnLoopbackOrTheMetadataAddressUnlessAllowListed() {
		put(Map.of("whatsapp",
				Map.of("phoneNumberId", "1055", "businessApiUrl", standIn("localhost", "/graph"), "apiKey", "token-1")))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("whatsapp.businessApiUrl")
			.jsonPath("$.message")
			.value(containsString("loopback"));
		put(Map.of("whatsapp", Map.of("businessApiUrl", "http://169.254.169.254/latest", "apiKey", "token-1")))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value(containsString("link-local"));
		put(Map.of("whatsapp", Map.of("businessApiUrl", "http://10.0.0.7/graph", "apiKey", "token-1"))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value(containsString("private"));
		this.manager.post()
			.uri("/api/events/{e}/whatsapp-config", this.eventId)
			.bodyValue(Map.of("businessApiUrl", standIn("[::1]", "/graph"), "apiToken", "token-1", "phoneNumberId",
					"1055"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		put(Map.of("email", Map.of("smtp", Map.of("host", "localhost", "port", 25, "password", "p")))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("email.smtp.host");
		// The operator's allow-list names 127.0.0.1: the stand-in stays reachable.
		put(Map.of("whatsapp",
				Map.of("phoneNumberId", "1055", "businessApiUrl", standIn("127.0.0.1", "/graph"), "apiKey", "t")))
			.expectStatus()
			.isOk();
	}

	@Test
	void refusesAPhoneNumberIdThatIsNotAPathSegment() {
		put(Map.of("whatsapp", Map.of("phoneNumberId", "../../v1/admin?x="))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value(containsString("phoneNumberId"));
		put(Map.of("sms", Map.of("provider", "twilio", "config", Map.of("accountSid", "AC1/../../x")))).expectStatus()
			.isBadRequest();
	}

	@Test
	void aStoredSecretIsKeptOnlyWhileItsDestinationIsUnchanged() {
		String graph = standIn("127.0.0.1", "/org-" + this.eventId);
		String elsewhere = standIn("127.0.0.1", "/elsewhere-" + this.eventId);
		put(Map.of("email",
				Map.of("smtp", Map.of("host", "smtp.example.org", "port", 587, "username", "u", "password", "pw-1")),
				"whatsapp", Map.of("phoneNumberId", "1055", "businessApiUrl", graph, "apiKey", "stored-token-1")))
			.expectStatus()
			.isOk();

		put(Map.of("email", Map.of("smtp", Map.of("host", "127.0.0.1")))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("email.smtp.password");
		put(Map.of("email", Map.of("smtp", Map.of("port", 2525)))).expectStatus().isBadRequest();
		put(Map.of("whatsapp", Map.of("businessApiUrl", elsewhere))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("whatsapp.apiKey");
		put(Map.of("whatsapp", Map.of("phoneNumberId", "2066", "apiKey", "********en-1"))).expectStatus()
			.isBadRequest();

		// Nothing changed, so the stand-in at the other path never saw the stored token.
		PROVIDERS.stubFor(get(urlPathMatching("/(org|elsewhere)-" + this.eventId + "/.*"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
		testConnection("whatsapp").jsonPath("$.data[0].result").isEqualTo("ok");
		PROVIDERS.verify(0, getRequestedFor(urlPathMatching("/elsewhere-" + this.eventId + "/.*")));
		PROVIDERS.verify(1, getRequestedFor(urlPathEqualTo("/org-" + this.eventId + "/1055")));

		// Sending the secret again for the new destination is fine.
		put(Map.of("email", Map.of("smtp", Map.of("host", "127.0.0.1", "port", 2525, "password", "pw-2"))))
			.expectStatus()
			.isOk();
		put(Map.of("whatsapp", Map.of("businessApiUrl", elsewhere, "apiKey", "new-token-2"))).expectStatus().isOk();
		put(Map.of("whatsapp", Map.of("enabled", true))).expectStatus().isOk();
	}

	@Test
	void checksTheDestinationAgainBeforeConnecting() {
		put(Map.of("whatsapp", Map.of("phoneNumberId", "1055", "businessApiUrl",
				standIn("127.0.0.1", "/rebind-" + this.eventId), "apiKey", "stored-token-3")))
			.expectStatus()
			.isOk();
		// A destination that became internal after it was saved (as DNS rebinding would).
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(this.eventId)),
					Update.update("whatsapp.businessApiUrl", standIn("localhost", "/rebind-" + this.eventId)),
					NotificationConfig.class)
			.block();
		testConnection("whatsapp").jsonPath("$.success")
			.isEqualTo(false)
			.jsonPath("$.data[0].result")
			.isEqualTo("not-allowed");
		PROVIDERS.verify(0, getRequestedFor(urlPathMatching("/rebind-" + this.eventId + ".*")));
	}

	@Test
	void aConnectionTestGivesAClassNeverTheRemoteBody() {
		PROVIDERS.stubFor(get(urlPathEqualTo("/leak-" + this.eventId + "/1055")).willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "text/html")
			.withBody("<h1>internal admin console: db password hunter2</h1>")));
		put(Map.of("whatsapp", Map.of("phoneNumberId", "1055", "businessApiUrl",
				standIn("127.0.0.1", "/leak-" + this.eventId), "apiKey", "token-4")))
			.expectStatus()
			.isOk();
		testConnection("whatsapp").jsonPath("$.data[0].result")
			.isEqualTo("rejected")
			.jsonPath("$.data[0].message")
			.value((String message) -> assertThat(message).contains("HTTP 500").doesNotContain("hunter2", "admin"));

		put(Map.of("email", Map.of("smtp", Map.of("host", "127.0.0.1", "port", SMTP.getSmtp().getPort()))))
			.expectStatus()
			.isOk();
		testConnection("email").jsonPath("$.data[0].result")
			.isEqualTo("ok")
			.jsonPath("$.data[0].message")
			.value((String message) -> assertThat(message).doesNotContainIgnoringCase("greenmail")
				.doesNotContain("ESMTP"));
		put(Map.of("email", Map.of("smtp", Map.of("port", 1)))).expectStatus().isOk();
		testConnection("email").jsonPath("$.data[0].result").isEqualTo("refused");
	}

}
