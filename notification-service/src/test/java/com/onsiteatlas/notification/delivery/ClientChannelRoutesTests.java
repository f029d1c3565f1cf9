package com.onsiteatlas.notification.delivery;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.notification.NotificationIntegrationTest;
import com.onsiteatlas.notification.Staff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The calls the existing ONSITE ATLAS client's WhatsApp and SMS screens make (contract
 * 3.1), which fell through to the legacy backend and 404: validate, balance and test
 * sends, against the local Twilio and Meta stand-in.
 */
class ClientChannelRoutesTests extends NotificationIntegrationTest {

	String eventId;

	String accountSid;

	WebTestClient admin;

	@BeforeEach
	void setUp() {
		this.eventId = Staff.newEventId();
		this.accountSid = TwilioStandIn.accountSid(this.eventId);
		this.admin = Staff.as(this.client, "admin");
	}

	void configureSms() {
		this.admin.put()
			.uri("/api/events/{e}/notification-config", this.eventId)
			.bodyValue(Map.of("sms", TwilioStandIn.smsSettings(this.accountSid)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	String balancePath() {
		return TwilioStandIn.balancePath(this.accountSid);
	}

	@Test
	void validatesTheSmsAccountWithTheProviderInTheShapeTheClientReads() {
		this.admin.get()
			.uri("/api/sms/validate?eventId={e}", this.eventId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.isValid")
			.isEqualTo(false)
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("No Twilio account SID and auth token"));
		configureSms();
		PROVIDERS.stubFor(get(urlPathEqualTo(TwilioStandIn.accountPath(this.accountSid)))
			.withBasicAuth(this.accountSid, TwilioStandIn.AUTH_TOKEN)
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"sid\":\"" + this.accountSid + "\",\"status\":\"active\"}")));

		this.admin.get()
			.uri("/api/sms/validate?eventId={e}", this.eventId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(true)
			.jsonPath("$.data.isValid")
			.isEqualTo(true)
			.jsonPath("$.data.channel")
			.isEqualTo("sms");
		this.admin.get()
			.uri("/api/whatsapp/validate?eventId={e}", this.eventId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.isValid")
			.isEqualTo(false);
	}

	@Test
	void readsTheSmsBalanceFromTwilio() {
		this.admin.get()
			.uri("/api/sms/balance?eventId={e}", this.eventId)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("No SMS account is configured"));
		configureSms();
		PROVIDERS.stubFor(get(urlEqualTo(balancePath())).withBasicAuth(this.accountSid, TwilioStandIn.AUTH_TOKEN)
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"account_sid\":\"" + this.accountSid + "\",\"balance\":\"12.34\",\"currency\":\"USD\"}")));

		this.admin.get()
			.uri("/api/sms/balance?eventId={e}", this.eventId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.balance")
			.isEqualTo("12.34")
			.jsonPath("$.data.currency")
			.isEqualTo("USD")
			.jsonPath("$.data.provider")
			.isEqualTo("twilio");
		PROVIDERS.verify(1, getRequestedFor(urlEqualTo(balancePath())));
	}

	@Test
	void answersAProviderRefusalWith502AndNotTheProvidersText() {
		configureSms();
		PROVIDERS.stubFor(get(urlEqualTo(balancePath())).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":20003,\"message\":\"internal-detail-from-provider\",\"status\":401}")));

		this.admin.get()
			.uri("/api/sms/balance?eventId={e}", this.eventId)
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).startsWith("Twilio did not give the balance")
				.doesNotContain("internal-detail-from-provider"));
	}

	@Test
	void sendsAnSmsTestMessageAsTypedAndLogsIt() {
		configureSms();
		PROVIDERS.stubFor(post(urlEqualTo(TwilioStandIn.messagesPath(this.accountSid)))
			.withRequestBody(containing("Body=Hello+from+the+SMS+screen"))
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"sid\":\"SMTEST\",\"status\":\"queued\",\"account_sid\":\"" + this.accountSid + "\"}")));

		this.admin.post()
			.uri("/api/sms/test")
			.bodyValue(Map.of("phoneNumber", "+15550001234", "message", "Hello from the SMS screen", "eventId",
					this.eventId))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.data.queued")
			.isEqualTo(1)
			.jsonPath("$.data.recipient")
			.isEqualTo("+15550001234");

		Query sent = Query.query(Criteria.where("event").is(this.eventId).and("status").is("sent"));
		await().atMost(Duration.ofSeconds(25)).until(() -> this.mongo.count(sent, Notification.class).block() == 1);
		Notification notification = this.mongo.findOne(sent, Notification.class).block();
		assertThat(notification.channel()).isEqualTo("sms");
		assertThat(notification.source()).isEqualTo("test");
		assertThat(notification.content().body()).isEqualTo("Hello from the SMS screen");
		assertThat(notification.providerMessageId()).isEqualTo("SMTEST");
		PROVIDERS.verify(1, postRequestedFor(urlEqualTo(TwilioStandIn.messagesPath(this.accountSid))));
	}

	@Test
	void queuesAWhatsAppTestMessageOnTheConferencesChannel() {
		this.admin.post()
			.uri("/api/whatsapp/test")
			.bodyValue(Map.of("phoneNumber", "+919812300000", "message", "Hello {{firstName}} ${7*7} on WhatsApp",
					"eventId", this.eventId))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.data.queued")
			.isEqualTo(1)
			.jsonPath("$.data.message")
			.isEqualTo("Hello {{firstName}} ${7*7} on WhatsApp");

		Query logged = Query.query(Criteria.where("event").is(this.eventId).and("channel").is("whatsapp"));
		await().atMost(Duration.ofSeconds(25)).until(() -> this.mongo.count(logged, Notification.class).block() == 1);
		assertThat(this.mongo.findOne(logged, Notification.class).block().content().body())
			.isEqualTo("Hello {{firstName}} ${7*7} on WhatsApp");
	}

	@Test
	void refusesBadInputAndCallersWhoMayNotConfigureChannels() {
		this.admin.get().uri("/api/sms/validate").exchange().expectStatus().isBadRequest();
		this.admin.get()
			.uri("/api/sms/balance?eventId=not-an-id")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("eventId"));
		this.admin.post()
			.uri("/api/sms/test")
			.bodyValue(Map.of("phoneNumber", "", "message", "Hi", "eventId", this.eventId))
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.admin.post()
			.uri("/api/sms/test")
			.bodyValue(Map.of("phoneNumber", "call-me-maybe", "message", "Hi", "eventId", this.eventId))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("phoneNumber").contains("phone number"));
		this.admin.post()
			.uri("/api/whatsapp/test")
			.bodyValue(Map.of("phoneNumber", "+15550001234", "message", "Hi", "eventId", this.eventId, "extra", 1))
			.exchange()
			.expectStatus()
			.isBadRequest();
		Staff.as(this.client, "staff")
			.post()
			.uri("/api/sms/test")
			.bodyValue(Map.of("phoneNumber", "+15550001234", "message", "Hi", "eventId", this.eventId))
			.exchange()
			.expectStatus()
			.isForbidden();
		Staff.as(this.client, "staff")
			.get()
			.uri("/api/sms/balance?eventId={e}", this.eventId)
			.exchange()
			.expectStatus()
			.isForbidden();
	}

}
