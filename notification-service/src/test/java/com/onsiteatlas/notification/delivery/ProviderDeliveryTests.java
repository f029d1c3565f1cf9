package com.onsiteatlas.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import com.onsiteatlas.domainevents.Venue;
import com.onsiteatlas.notification.NotificationIntegrationTest;
import com.onsiteatlas.notification.Staff;
import com.onsiteatlas.readmodel.ConferenceView;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SMS and WhatsApp over their real protocols, against a local server that checks what
 * Twilio and Meta would check and answers errors, 429s and timeouts.
 */
class ProviderDeliveryTests extends NotificationIntegrationTest {

	/** Twice the providers' timeout in the test context (2 s). */
	static final int HANG_MILLIS = 4000;

	static final String TWILIO_OK = "{\"sid\":\"SM%s\",\"status\":\"queued\",\"account_sid\":\"%s\"}";

	String eventId;

	String accountSid;

	WebTestClient admin;

	@BeforeEach
	void setUp() {
		this.eventId = Staff.newEventId();
		this.accountSid = TwilioStandIn.accountSid(this.eventId);
		this.admin = Staff.as(this.client, "admin");
		this.admin.put()
			.uri("/api/events/{e}/notification-config", this.eventId)
			.bodyValue(Map.of("sms", TwilioStandIn.smsSettings(this.accountSid), "whatsapp",
					Map.of("enabled", true, "provider", "cloud-api", "phoneNumberId", this.eventId, "apiKey",
							"meta-token", "appSecret", "meta-app-secret", "webhookVerifyToken", "verify-123")))
			.exchange()
			.expectStatus()
			.isOk();
	}

	String messagesPath() {
		return TwilioStandIn.messagesPath(this.accountSid);
	}

	String template(Map<String, Object> body) {
		byte[] response = this.admin.post()
			.uri("/api/events/{e}/notification-templates", this.eventId)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
		return JsonPath.read(new String(response, StandardCharsets.UTF_8), "$.data._id");
	}

	void send(String template, String phone) {
		this.admin.post()
			.uri("/api/events/{e}/notifications/send", this.eventId)
			.bodyValue(Map.of("templateId", template, "data", Map.of("firstName", "Priya"), "recipients",
					List.of(Map.of("name", "Priya", "phone", phone))))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.data.queued")
			.isEqualTo(1);
	}

	Notification awaitFinal() {
		Query query = Query.query(Criteria.where("event").is(this.eventId).and("status").in("sent", "failed"));
		await().atMost(Duration.ofSeconds(25)).until(() -> this.mongo.count(query, Notification.class).block() == 1);
		return this.mongo.findOne(query, Notification.class).block();
	}

	@Test
	void sendsNationalAndFormattedNumbersInE164ReadInTheConferencesCountry() {
		// The conferences read model as event-created fills it: a conference in India.
		this.mongo
			.insert(new ConferenceView(this.eventId, "ICC 2025", null, null, "Asia/Kolkata", "published",
					new Venue("BIEC", null, "Bengaluru", null, "India", null), "INR", "en-IN", null, false, null))
			.block();
		PROVIDERS.stubFor(post(urlEqualTo(messagesPath())).withRequestBody(containing("To=%2B919876543210"))
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody(String.format(TWILIO_OK, "0098", this.accountSid))));
		String template = template(Map.of("name", "SMS", "type", "sms", "contentText", "Hi"));
		send(template, "98765 43210");
		send(template, "+91 98765-43210");
		Query sent = Query.query(Criteria.where("event").is(this.eventId).and("status").is("sent"));
		await().atMost(Duration.ofSeconds(25)).until(() -> this.mongo.count(sent, Notification.class).block() == 2);
		assertThat(this.mongo.find(sent, Notification.class).collectList().block())
			.extracting((notification) -> notification.recipient().phone())
			.containsExactly("+919876543210", "+919876543210");
		PROVIDERS.verify(2,
				postRequestedFor(urlEqualTo(messagesPath())).withRequestBody(containing("To=%2B919876543210")));
	}

	@Test
	void sendsSmsThroughTwilioAndRetriesA503() {
		PROVIDERS.stubFor(post(urlEqualTo(messagesPath())).inScenario(this.eventId)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"code\":20500,\"message\":\"Service unavailable\",\"status\":503}"))
			.willSetStateTo("recovered"));
		PROVIDERS.stubFor(post(urlEqualTo(messagesPath())).inScenario(this.eventId)
			.whenScenarioStateIs("recovered")
			.withBasicAuth(this.accountSid, TwilioStandIn.AUTH_TOKEN)
			.withRequestBody(containing("To=%2B919812345678"))
			.withRequestBody(containing("From=%2B15550000001"))
			.withRequestBody(containing("Body=Hi+Priya"))
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody(String.format(TWILIO_OK, "0001", this.accountSid))));
		send(template(Map.of("name", "SMS", "type", "sms", "contentText", "Hi {{firstName}}")), "+919812345678");
		Notification notification = awaitFinal();
		assertThat(notification.status()).isEqualTo(NotificationStatus.SENT);
		assertThat(notification.providerMessageId()).isEqualTo("SM0001");
		assertThat(notification.attempts()).extracting(Notification.Attempt::outcome).containsExactly("retry", "sent");
		assertThat(notification.attempts().get(0).errorCode()).isEqualTo("20500");
		PROVIDERS.verify(2, postRequestedFor(urlEqualTo(messagesPath())));
	}

	@Test
	void failsAtOnceWhenTwilioRejectsTheNumber() {
		PROVIDERS.stubFor(post(urlEqualTo(messagesPath())).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":21211,\"message\":\"The 'To' number +15005550001 is not a valid phone number.\","
					+ "\"status\":400}")));
		send(template(Map.of("name", "SMS", "type", "sms", "contentText", "Hi")), "+15005550001");
		Notification notification = awaitFinal();
		assertThat(notification.status()).isEqualTo(NotificationStatus.FAILED);
		assertThat(notification.errorCode()).isEqualTo("21211");
		assertThat(notification.errorMessage()).contains("not a valid phone number");
		assertThat(notification.attempts()).hasSize(1);
		PROVIDERS.verify(1, postRequestedFor(urlEqualTo(messagesPath())));
	}

	/**
	 * The first request hangs twice as long as the configured timeout
	 * ({@code atlas.notification.twilio.timeout=2s} in the test context): the send must
	 * be abandoned, recorded as a timeout and retried; had the timeout not applied, the
	 * first request would have been answered and there would be one attempt.
	 */
	@Test
	void retriesATwilioThatHangsPastItsTimeout() {
		PROVIDERS.stubFor(post(urlEqualTo(messagesPath())).inScenario(this.eventId + "t")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody(String.format(TWILIO_OK, "0021", this.accountSid))
				.withFixedDelay(HANG_MILLIS))
			.willSetStateTo("ok"));
		PROVIDERS.stubFor(post(urlEqualTo(messagesPath())).inScenario(this.eventId + "t")
			.whenScenarioStateIs("ok")
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody(String.format(TWILIO_OK, "0022", this.accountSid))));
		send(template(Map.of("name", "SMS", "type", "sms", "contentText", "Hi")), "+919800000022");
		Notification notification = awaitFinal();
		assertThat(notification.status()).isEqualTo(NotificationStatus.SENT);
		assertThat(notification.providerMessageId()).isEqualTo("SM0022");
		assertThat(notification.attempts()).extracting(Notification.Attempt::outcome).containsExactly("retry", "sent");
		Notification.Attempt first = notification.attempts().get(0);
		assertThat(first.errorCode()).isEqualTo("ETIMEDOUT");
		assertThat(first.errorMessage()).contains("Twilio did not answer within PT2S");
		PROVIDERS.verify(2, postRequestedFor(urlEqualTo(messagesPath())));
		assertThat(sentCount()).isEqualTo(1);
	}

	@Test
	void retriesATwilioConnectionResetAsUnreachable() {
		PROVIDERS.stubFor(post(urlEqualTo(messagesPath())).inScenario(this.eventId + "r")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
			.willSetStateTo("ok"));
		PROVIDERS.stubFor(post(urlEqualTo(messagesPath())).inScenario(this.eventId + "r")
			.whenScenarioStateIs("ok")
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody(String.format(TWILIO_OK, "0002", this.accountSid))));
		send(template(Map.of("name", "SMS", "type", "sms", "contentText", "Hi")), "+919800000002");
		Notification notification = awaitFinal();
		assertThat(notification.status()).isEqualTo(NotificationStatus.SENT);
		assertThat(notification.attempts()).extracting(Notification.Attempt::outcome).containsExactly("retry", "sent");
		assertThat(notification.attempts().get(0).errorCode()).isEqualTo("ECONNECTION");
		assertThat(notification.attempts().get(0).errorMessage()).startsWith("Cannot reach Twilio");
		PROVIDERS.verify(2, postRequestedFor(urlEqualTo(messagesPath())));
	}

	@Test
	void retriesAWhatsAppCloudApiThatHangsPastItsTimeout() {
		String path = "/graph/" + this.eventId + "/messages";
		String ok = "{\"messages\":[{\"id\":\"wamid.%s\"}]}";
		PROVIDERS.stubFor(post(urlEqualTo(path)).inScenario(this.eventId + "wt")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody(String.format(ok, "LATE"))
				.withFixedDelay(HANG_MILLIS))
			.willSetStateTo("ok"));
		PROVIDERS.stubFor(post(urlEqualTo(path)).inScenario(this.eventId + "wt")
			.whenScenarioStateIs("ok")
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody(String.format(ok, "ONTIME"))));
		send(template(Map.of("name", "WA", "type", "whatsapp", "contentText", "Hi", "whatsapp",
				Map.of("name", "registration_confirmed", "language", "en"))), "+919812345622");
		Notification notification = awaitFinal();
		assertThat(notification.status()).isEqualTo(NotificationStatus.SENT);
		assertThat(notification.providerMessageId()).isEqualTo("wamid.ONTIME");
		assertThat(notification.attempts()).extracting(Notification.Attempt::outcome).containsExactly("retry", "sent");
		Notification.Attempt first = notification.attempts().get(0);
		assertThat(first.errorCode()).isEqualTo("ETIMEDOUT");
		assertThat(first.errorMessage()).contains("The WhatsApp API did not answer within PT2S");
		PROVIDERS.verify(2, postRequestedFor(urlEqualTo(path)));
		assertThat(sentCount()).isEqualTo(1);
	}

	long sentCount() {
		return this.mongo
			.count(Query.query(Criteria.where("event").is(this.eventId).and("status").is("sent")), Notification.class)
			.block();
	}

	@Test
	void sendsApprovedWhatsAppTemplatesAndHonoursRetryAfterOn429() {
		String path = "/graph/" + this.eventId + "/messages";
		PROVIDERS.stubFor(post(urlEqualTo(path)).inScenario(this.eventId + "w")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429)
				.withHeader("Retry-After", "1")
				.withBody("{\"error\":{\"code\":130429}}"))
			.willSetStateTo("ok"));
		PROVIDERS.stubFor(post(urlEqualTo(path)).inScenario(this.eventId + "w")
			.whenScenarioStateIs("ok")
			.withHeader("Authorization", equalTo("Bearer meta-token"))
			.withRequestBody(equalToJson("{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
					+ "\"to\":\"919812345678\",\"type\":\"template\",\"template\":{\"name\":\"registration_confirmed\","
					+ "\"language\":{\"code\":\"en\"},\"components\":[{\"type\":\"body\",\"parameters\":["
					+ "{\"type\":\"text\",\"text\":\"Priya\"},{\"type\":\"text\",\"text\":\"ICC\"}]}]}}"))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"messages\":[{\"id\":\"wamid.ABC\"}]}")));
		String template = template(Map.of("name", "WA", "type", "whatsapp", "contentText", "Hi {{firstName}}",
				"whatsapp",
				Map.of("name", "registration_confirmed", "language", "en", "parameters", List.of("{{name}}", "ICC"))));
		this.admin.post()
			.uri("/api/events/{e}/notifications/send", this.eventId)
			.bodyValue(Map.of("templateId", template, "data", Map.of("name", "Priya"), "recipients",
					List.of(Map.of("phone", "+919812345678"))))
			.exchange()
			.expectStatus()
			.isAccepted();
		Notification notification = awaitFinal();
		assertThat(notification.status()).isEqualTo(NotificationStatus.SENT);
		assertThat(notification.providerMessageId()).isEqualTo("wamid.ABC");
		assertThat(notification.attempts()).extracting(Notification.Attempt::outcome).containsExactly("retry", "sent");
		assertThat(Duration.between(notification.attempts().get(0).at(), notification.attempts().get(1).at()))
			.as("the second attempt waits for Retry-After")
			.isGreaterThanOrEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void refusesFreeWhatsAppTextOutsideThe24HourWindow() {
		String template = template(Map.of("name", "WA text", "type", "whatsapp", "contentText", "Hi"));
		send(template, "+919812340000");
		Notification notification = awaitFinal();
		assertThat(notification.status()).isEqualTo(NotificationStatus.FAILED);
		assertThat(notification.errorCode()).isEqualTo("OUTSIDE_WINDOW");
	}

	@Test
	void appliesSignedTwilioStatusCallbacksAndRejectsForgedOnes() {
		PROVIDERS.stubFor(post(urlEqualTo(messagesPath())).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody(String.format(TWILIO_OK, "0003", this.accountSid))));
		send(template(Map.of("name", "SMS", "type", "sms", "contentText", "Hi")), "+919800000003");
		Notification notification = awaitFinal();
		String path = "/api/notifications/webhooks/twilio/" + notification.id();
		Map<String, String> form = Map.of("MessageSid", "SM0003", "MessageStatus", "delivered", "AccountSid",
				this.accountSid);
		String signature = TwilioSignatures.sign(TwilioStandIn.AUTH_TOKEN, "https://atlas.test" + path, form);

		this.client.post()
			.uri(path)
			.header("X-Twilio-Signature", TwilioSignatures.sign("wrong-token", "https://atlas.test" + path, form))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(formBody(form))
			.exchange()
			.expectStatus()
			.isForbidden();
		assertThat(this.mongo.findById(notification.id(), Notification.class).block().deliveryStatus()).isNull();

		this.client.post()
			.uri(path)
			.header("X-Twilio-Signature", signature)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(formBody(form))
			.exchange()
			.expectStatus()
			.isNoContent();
		assertThat(this.mongo.findById(notification.id(), Notification.class).block().deliveryStatus())
			.isEqualTo("delivered");
	}

	@org.springframework.beans.factory.annotation.Autowired
	Dispatcher dispatcher;

	@Test
	void opensTheCircuitWhenTheProviderKeepsFailingInsteadOfCallingItForEverySend() {
		PROVIDERS.stubFor(post(urlEqualTo(messagesPath())).willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":20500,\"message\":\"Service unavailable\",\"status\":503}")));
		String template = template(Map.of("name", "SMS", "type", "sms", "contentText", "Hi"));
		try {
			for (int i = 0; i < 12; i++) {
				send(template, "+91980000" + String.format("%04d", i));
			}
			Query circuitOpen = Query
				.query(Criteria.where("event").is(this.eventId).and("errorCode").is("CIRCUIT_OPEN"));
			await().atMost(Duration.ofSeconds(20))
				.until(() -> this.mongo.count(circuitOpen, Notification.class).block() > 0);
			List<Notification> deferred = this.mongo.find(circuitOpen, Notification.class).collectList().block();
			// Sends the open breaker held back never reached the provider: they are
			// deferred without using up an attempt, so they still get every attempt once
			// the provider recovers.
			assertThat(deferred).allSatisfy((n) -> {
				assertThat(n.status()).isEqualTo(NotificationStatus.PENDING);
				assertThat(n.attemptCount()).isEqualTo(n.attempts().size());
				assertThat(n.attempts()).noneMatch((a) -> "CIRCUIT_OPEN".equals(a.errorCode()));
			});
		}
		finally {
			this.mongo
				.updateMulti(Query.query(Criteria.where("event").is(this.eventId).and("status").is("pending")),
						new org.springframework.data.mongodb.core.query.Update().set("status", "cancelled"),
						Notification.class)
				.block();
			this.dispatcher.breakers().circuitBreaker("twilio:" + this.accountSid).reset();
		}
	}

	@Test
	void sendsWhatsAppTemplatesThroughTwilioByContentSid() {
		this.admin.put()
			.uri("/api/events/{e}/notification-config", this.eventId)
			.bodyValue(Map.of("whatsapp", Map.of("provider", "twilio", "phoneNumber", "+15550000009")))
			.exchange()
			.expectStatus()
			.isOk();
		String contentSid = "HX" + "0123456789abcdef".repeat(2);
		PROVIDERS.stubFor(post(urlEqualTo(messagesPath())).withBasicAuth(this.accountSid, TwilioStandIn.AUTH_TOKEN)
			.withRequestBody(containing("To=whatsapp%3A%2B919812345678"))
			.withRequestBody(containing("From=whatsapp%3A%2B15550000009"))
			.withRequestBody(containing("ContentSid=" + contentSid))
			.withRequestBody(containing("ContentVariables=%7B%221%22%3A%22Priya%22%7D"))
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody(String.format(TWILIO_OK, "0009", this.accountSid))));
		String template = template(Map.of("name", "WA", "type", "whatsapp", "contentText", "Hi", "whatsapp",
				Map.of("name", contentSid, "parameters", List.of("{{firstName}}"))));
		send(template, "+919812345678");
		Notification notification = awaitFinal();
		assertThat(notification.status()).isEqualTo(NotificationStatus.SENT);
		assertThat(notification.providerMessageId()).isEqualTo("SM0009");
	}

	static BodyInserters.FormInserter<String> formBody(Map<String, String> form) {
		BodyInserters.FormInserter<String> body = null;
		for (var entry : form.entrySet()) {
			body = (body == null) ? BodyInserters.fromFormData(entry.getKey(), entry.getValue())
					: body.with(entry.getKey(), entry.getValue());
		}
		return body;
	}

	@Test
	void verifiesWhatsAppWebhooksAndOpensTheWindowOnInboundMessages() {
		String base = "/api/notifications/webhooks/whatsapp/" + this.eventId;
		this.client.get()
			.uri(base + "?hub.mode=subscribe&hub.verify_token=verify-123&hub.challenge=42")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.expectBody(String.class)
			.isEqualTo("42");
		// Meta compares the body with the challenge it sent: the challenge alone, as
		// text,
		// whatever the request accepts.
		this.client.get()
			.uri(base + "?hub.mode=subscribe&hub.verify_token=verify-123&hub.challenge=1158201444")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.expectBody(String.class)
			.isEqualTo("1158201444");
		this.client.get()
			.uri(base + "?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=42")
			.exchange()
			.expectStatus()
			.isForbidden();
		String inbound = "{\"entry\":[{\"changes\":[{\"value\":{\"messages\":[{\"from\":\"919812399999\"}]}}]}]}";
		this.client.post()
			.uri(base)
			.header("X-Hub-Signature-256", "sha256=" + "0".repeat(64))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(inbound)
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.post()
			.uri(base)
			.header("X-Hub-Signature-256",
					"sha256=" + HexFormat.of()
						.formatHex(ProviderCallbacks.hmac("HmacSHA256", "meta-app-secret", inbound)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(inbound)
			.exchange()
			.expectStatus()
			.isOk();
		PROVIDERS.stubFor(post(urlEqualTo("/graph/" + this.eventId + "/messages"))
			.withRequestBody(containing("\"type\":\"text\""))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"messages\":[{\"id\":\"wamid.TEXT\"}]}")));
		send(template(Map.of("name", "WA text", "type", "whatsapp", "contentText", "Thanks for writing")),
				"+919812399999");
		Notification notification = awaitFinal();
		assertThat(notification.status()).isEqualTo(NotificationStatus.SENT);
		assertThat(notification.providerMessageId()).isEqualTo("wamid.TEXT");
	}

	@Test
	void testConnectionChecksTwilioAndWhatsAppCredentials() {
		PROVIDERS.stubFor(get(urlPathEqualTo(TwilioStandIn.accountPath(this.accountSid)))
			.withBasicAuth(this.accountSid, TwilioStandIn.AUTH_TOKEN)
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"sid\":\"" + this.accountSid + "\",\"status\":\"active\"}")));
		PROVIDERS.stubFor(get(urlPathEqualTo("/graph/" + this.eventId)).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"Invalid OAuth access token\"}}")));
		this.admin.post()
			.uri("/api/events/{e}/notification-config/test-connection", this.eventId)
			.bodyValue(Map.of("channel", "sms"))
			.exchange()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(true);
		this.admin.post()
			.uri("/api/events/{e}/notification-config/test-connection", this.eventId)
			.bodyValue(Map.of("channel", "whatsapp"))
			.exchange()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false)
			.jsonPath("$.data[0].message")
			.value((String message) -> assertThat(message).contains("401").doesNotContain("Invalid OAuth access token"))
			.jsonPath("$.data[0].result")
			.isEqualTo("auth-failed");
	}

}
