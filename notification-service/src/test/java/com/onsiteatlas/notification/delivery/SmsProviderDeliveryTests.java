package com.onsiteatlas.notification.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.notification.NotificationIntegrationTest;
import com.onsiteatlas.notification.Staff;
import com.onsiteatlas.support.signing.SigV4;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SMS through AWS SNS, TextLocal, MSG91 and the organiser's own webhook ({@code other}),
 * end to end through the dispatcher, against a local server that checks each request as
 * the provider would (the SigV4 signature is verified with the shared signer), answers
 * their errors, and the rule that a message never falls back to Twilio.
 */
class SmsProviderDeliveryTests extends NotificationIntegrationTest {

	static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	String eventId;

	String twilioSid;

	WebTestClient admin;

	@BeforeEach
	void setUp() {
		this.eventId = Staff.newEventId();
		this.twilioSid = "AC" + this.eventId;
		this.admin = Staff.as(this.client, "admin");
		// Twilio credentials are stored too: a send through another provider must never
		// reach them.
		configure("twilio",
				Map.of("accountSid", this.twilioSid, "authToken", "twilio-secret", "fromNumber", "+15550000001"));
	}

	void configure(String provider, Map<String, Object> config) {
		this.admin.put()
			.uri("/api/events/{e}/notification-config", this.eventId)
			.bodyValue(Map.of("sms", Map.of("enabled", true, "provider", provider, "config", config)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	void sendSms(String phone) {
		byte[] created = this.admin.post()
			.uri("/api/events/{e}/notification-templates", this.eventId)
			.bodyValue(Map.of("name", "SMS", "type", "sms", "contentText", "Hi {{firstName}}"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
		String template = JsonPath.read(new String(created, StandardCharsets.UTF_8), "$.data._id");
		this.admin.post()
			.uri("/api/events/{e}/notifications/send", this.eventId)
			.bodyValue(Map.of("templateId", template, "data", Map.of("firstName", "Priya"), "recipients",
					List.of(Map.of("name", "Priya", "phone", phone))))
			.exchange()
			.expectStatus()
			.isAccepted();
	}

	Notification awaitFinal() {
		Query query = Query.query(Criteria.where("event").is(this.eventId).and("status").in("sent", "failed"));
		await().atMost(Duration.ofSeconds(25)).until(() -> this.mongo.count(query, Notification.class).block() == 1);
		return this.mongo.findOne(query, Notification.class).block();
	}

	String twilioMessages() {
		return "/2010-04-01/Accounts/" + this.twilioSid + "/Messages.json";
	}

	void assertNothingWentToTwilio() {
		PROVIDERS.verify(0, anyRequestedFor(urlEqualTo(twilioMessages())));
	}

	String accessKeyId() {
		return "AKIA" + this.eventId.toUpperCase(Locale.ROOT);
	}

	@Test
	void publishesThroughAwsSnsWithARequestSignedBySigV4() {
		configure("aws-sns", Map.of("accessKeyId", accessKeyId(), "secretAccessKey", "aws-secret-" + this.eventId,
				"region", "eu-west-1", "senderId", "ATLAS"));
		PROVIDERS.stubFor(
				post(urlEqualTo("/sns/")).withHeader("Authorization", containing("Credential=" + accessKeyId() + "/"))
					.withRequestBody(containing("PhoneNumber=%2B919812345678"))
					.willReturn(aResponse().withStatus(200)
						.withHeader("Content-Type", "text/xml")
						.withBody("<PublishResponse xmlns=\"https://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
								+ "<MessageId>sns-" + this.eventId
								+ "</MessageId></PublishResult></PublishResponse>")));
		sendSms("+919812345678");
		Notification notification = awaitFinal();
		assertThat(notification.status()).isEqualTo(NotificationStatus.SENT);
		assertThat(notification.providerMessageId()).isEqualTo("sns-" + this.eventId);
		LoggedRequest request = PROVIDERS
			.findAll(postRequestedFor(urlEqualTo("/sns/")).withHeader("Authorization",
					containing("Credential=" + accessKeyId() + "/")))
			.get(0);
		String body = request.getBodyAsString();
		assertThat(body)
			.contains("Action=Publish", "Version=2010-03-31", "PhoneNumber=%2B919812345678", "Message=Hi%20Priya",
					"AWS.SNS.SMS.SenderID", "Value.StringValue=ATLAS")
			.doesNotContain("aws-secret");
		// The signature verifies: the same signer over what the stand-in received, with
		// the secret only the service and AWS know, gives the header that was sent.
		Instant signedAt = AMZ_DATE.parse(request.getHeader("X-Amz-Date"), Instant::from);
		Map<String, String> expected = SigV4.sign("POST", URI.create("http://127.0.0.1:" + PROVIDERS.port() + "/sns/"),
				Map.of("Content-Type", request.getHeader("Content-Type")),
				SigV4.sha256Hex(body.getBytes(StandardCharsets.UTF_8)),
				new SigV4.Credentials(accessKeyId(), "aws-secret-" + this.eventId), "eu-west-1", "sns", signedAt);
		assertThat(request.getHeader("Authorization")).isEqualTo(expected.get("Authorization"))
			.contains("/eu-west-1/sns/aws4_request", "SignedHeaders=content-type;host;x-amz-date");
		assertNothingWentToTwilio();
	}

	@Test
	void failsAtOnceWhenAwsRefusesTheAccessKey() {
		configure("aws-sns",
				Map.of("accessKeyId", accessKeyId(), "secretAccessKey", "wrong-secret", "region", "eu-west-1"));
		PROVIDERS.stubFor(
				post(urlEqualTo("/sns/")).withHeader("Authorization", containing("Credential=" + accessKeyId() + "/"))
					.willReturn(aResponse().withStatus(403)
						.withHeader("Content-Type", "text/xml")
						.withBody("<ErrorResponse><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code>"
								+ "<Message>The request signature we calculated does not match</Message></Error>"
								+ "</ErrorResponse>")));
		sendSms("+919812345679");
		Notification notification = awaitFinal();
		assertThat(notification.status()).isEqualTo(NotificationStatus.FAILED);
		assertThat(notification.errorCode()).isEqualTo("EAUTH");
		assertThat(notification.attempts()).hasSize(1);
		assertNothingWentToTwilio();
	}

	@Test
	void retriesWhenAwsThrottlesTheSend() {
		configure("aws-sns", Map.of("accessKeyId", accessKeyId(), "secretAccessKey", "s", "region", "eu-west-1"));
		PROVIDERS.stubFor(post(urlEqualTo("/sns/")).inScenario(this.eventId + "t")
			.whenScenarioStateIs(Scenario.STARTED)
			.withHeader("Authorization", containing("Credential=" + accessKeyId() + "/"))
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "text/xml")
				.withBody("<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>"
						+ "<Message>Rate exceeded</Message></Error></ErrorResponse>"))
			.willSetStateTo("calm"));
		PROVIDERS.stubFor(post(urlEqualTo("/sns/")).inScenario(this.eventId + "t")
			.whenScenarioStateIs("calm")
			.withHeader("Authorization", containing("Credential=" + accessKeyId() + "/"))
			.willReturn(aResponse().withStatus(200)
				.withBody("<PublishResponse><PublishResult><MessageId>sns-calm</MessageId></PublishResult>"
						+ "</PublishResponse>")));
		sendSms("+919812345677");
		Notification notification = awaitFinal();
		assertThat(notification.status()).isEqualTo(NotificationStatus.SENT);
		assertThat(notification.providerMessageId()).isEqualTo("sns-calm");
		assertThat(notification.attempts()).extracting(Notification.Attempt::outcome).containsExactly("retry", "sent");
		assertThat(notification.attempts().get(0).errorCode()).isEqualTo("Throttling");
	}

	@Test
	void answersNoTwilioBalanceForAConferenceThatSendsThroughAnotherProvider() {
		configure("textlocal", Map.of("apiKey", "tl-" + this.eventId));
		this.admin.get()
			.uri("/api/sms/balance?eventId={e}", this.eventId)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("textlocal"));
		PROVIDERS.verify(0, anyRequestedFor(urlEqualTo("/2010-04-01/Accounts/" + this.twilioSid + "/Balance.json")));
	}

	@Test
	void sendsThroughTextLocalWithItsFormFields() {
		configure("textlocal", Map.of("apiKey", "tl-" + this.eventId, "sender", "ATLSIN"));
		PROVIDERS.stubFor(post(urlEqualTo("/textlocal/send/")).withRequestBody(containing("apikey=tl-" + this.eventId))
			.withRequestBody(containing("numbers=919812345670"))
			.withRequestBody(containing("sender=ATLSIN"))
			.withRequestBody(containing("message=Hi+Priya"))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"balance\":1162,\"batch_id\":123456789,\"cost\":1,\"num_messages\":1,\"messages\":"
						+ "[{\"id\":\"1151346216\",\"recipient\":919812345670}],\"status\":\"success\"}")));
		sendSms("+919812345670");
		Notification notification = awaitFinal();
		assertThat(notification.status()).isEqualTo(NotificationStatus.SENT);
		assertThat(notification.providerMessageId()).isEqualTo("1151346216");
		assertNothingWentToTwilio();
	}

	@Test
	void failsAtOnceOnATextLocalFailureReplyAndRetriesItsServerErrors() {
		configure("textlocal", Map.of("apiKey", "tl-" + this.eventId, "sender", "ATLSIN"));
		PROVIDERS.stubFor(post(urlEqualTo("/textlocal/send/")).inScenario(this.eventId)
			.whenScenarioStateIs(Scenario.STARTED)
			.withRequestBody(containing("apikey=tl-" + this.eventId))
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("answering"));
		PROVIDERS.stubFor(post(urlEqualTo("/textlocal/send/")).inScenario(this.eventId)
			.whenScenarioStateIs("answering")
			.withRequestBody(containing("apikey=tl-" + this.eventId))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"errors\":[{\"code\":3,\"message\":\"Invalid login details\"}],"
						+ "\"status\":\"failure\"}")));
		sendSms("+919812345671");
		Notification notification = awaitFinal();
		assertThat(notification.status()).isEqualTo(NotificationStatus.FAILED);
		assertThat(notification.attempts()).extracting(Notification.Attempt::outcome).startsWith("retry");
		assertThat(notification.attempts().get(0).errorCode()).isEqualTo("503");
		assertThat(notification.errorCode()).isEqualTo("EAUTH");
		assertThat(notification.attempts()).hasSize(2);
	}

	@Test
	void sendsThroughMsg91sFlowApi() {
		configure("msg91", Map.of("apiKey", "m91-" + this.eventId, "senderId", "ATLSIN", "route", "4", "templateId",
				"tpl" + this.eventId));
		PROVIDERS.stubFor(post(urlEqualTo("/msg91/api/v5/flow")).withHeader("authkey", equalTo("m91-" + this.eventId))
			.withRequestBody(equalToJson("{\"template_id\":\"tpl" + this.eventId + "\",\"sender\":\"ATLSIN\","
					+ "\"route\":\"4\",\"short_url\":\"0\",\"recipients\":[{\"mobiles\":\"919812345672\","
					+ "\"message\":\"Hi Priya\"}]}"))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"message\":\"3763646c3058373530393938\",\"type\":\"success\"}")));
		sendSms("+919812345672");
		Notification notification = awaitFinal();
		assertThat(notification.status()).isEqualTo(NotificationStatus.SENT);
		assertThat(notification.providerMessageId()).isEqualTo("3763646c3058373530393938");
		assertNothingWentToTwilio();
	}

	@Test
	void postsToTheOrganisersWebhookWithItsBearerTokenAndRetriesA5xx() {
		String path = "/hook/" + this.eventId;
		configure("other", Map.of("url", "http://127.0.0.1:" + PROVIDERS.port() + path, "apiKey", "hook-token",
				"fromNumber", "ATLAS"));
		PROVIDERS.stubFor(post(urlEqualTo(path)).inScenario(this.eventId + "h")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(502))
			.willSetStateTo("up"));
		PROVIDERS.stubFor(post(urlEqualTo(path)).inScenario(this.eventId + "h")
			.whenScenarioStateIs("up")
			.withHeader("Authorization", equalTo("Bearer hook-token"))
			.withHeader("Content-Type", containing("application/json"))
			.withRequestBody(equalToJson("{\"to\":\"+919812345673\",\"from\":\"ATLAS\",\"message\":\"Hi Priya\","
					+ "\"eventId\":\"" + this.eventId + "\",\"notificationId\":\"${json-unit.any-string}\"}"))
			.willReturn(aResponse().withStatus(202)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\":\"gw-42\"}")));
		sendSms("+919812345673");
		Notification notification = awaitFinal();
		assertThat(notification.status()).isEqualTo(NotificationStatus.SENT);
		assertThat(notification.providerMessageId()).isEqualTo("gw-42");
		assertThat(notification.attempts()).extracting(Notification.Attempt::outcome).containsExactly("retry", "sent");
		LoggedRequest sent = PROVIDERS.findAll(postRequestedFor(urlEqualTo(path))).get(1);
		assertThat(JsonPath.<String>read(sent.getBodyAsString(), "$.notificationId")).isEqualTo(notification.id());
		assertNothingWentToTwilio();
	}

	@Test
	void sendsWebhookBasicAuthWhenAUserIsGivenAndFailsAtOnceOn401() {
		String path = "/hook/" + this.eventId;
		configure("other", Map.of("url", "http://127.0.0.1:" + PROVIDERS.port() + path, "username", "atlas", "apiKey",
				"hook-pass"));
		PROVIDERS.stubFor(post(urlEqualTo(path)).withBasicAuth("atlas", "hook-pass")
			.willReturn(aResponse().withStatus(401).withBody("bad login, internal detail")));
		sendSms("+919812345674");
		Notification notification = awaitFinal();
		assertThat(notification.status()).isEqualTo(NotificationStatus.FAILED);
		assertThat(notification.errorCode()).isEqualTo("EAUTH");
		assertThat(notification.errorMessage()).doesNotContain("internal detail");
		assertThat(notification.attempts()).hasSize(1);
		PROVIDERS.verify(1, postRequestedFor(urlEqualTo(path))
			.withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials("atlas", "hook-pass")));
	}

	@Test
	void neverFallsBackToTwilioWhenTheChosenProviderIsNotConfigured() {
		// msg91 chosen without credentials, while Twilio's are stored.
		this.admin.put()
			.uri("/api/events/{e}/notification-config", this.eventId)
			.bodyValue(Map.of("sms", Map.of("provider", "msg91")))
			.exchange()
			.expectStatus()
			.isOk();
		PROVIDERS.stubFor(post(urlEqualTo(twilioMessages())).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"sid\":\"SMfallback\",\"status\":\"queued\"}")));
		sendSms("+919812345675");
		Notification notification = awaitFinal();
		assertThat(notification.status()).isEqualTo(NotificationStatus.FAILED);
		assertThat(notification.errorCode()).isEqualTo("PROVIDER_NOT_CONFIGURED");
		assertThat(notification.errorMessage()).contains("msg91");
		assertThat(notification.attempts()).hasSize(1);
		assertNothingWentToTwilio();
	}

	@Test
	void refusesAnInternalWebhookUrlAndAStoredSecretForANewUrl() {
		this.admin.put()
			.uri("/api/events/{e}/notification-config", this.eventId)
			.bodyValue(Map.of("sms",
					Map.of("provider", "other", "config",
							Map.of("url", "http://localhost:" + PROVIDERS.port() + "/hook", "apiKey", "t"))))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("sms.config.url");
		configure("other", Map.of("url", "http://127.0.0.1:" + PROVIDERS.port() + "/hook/a", "apiKey", "token-a"));
		this.admin.put()
			.uri("/api/events/{e}/notification-config", this.eventId)
			.bodyValue(
					Map.of("sms", Map.of("provider", "other", "config", Map.of("url", "https://sms.example.org/hook"))))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("sms.config.apiKey");
		// Unchanged URL: an absent secret keeps the stored one.
		configure("other", Map.of("fromNumber", "ATLAS"));
	}

	@Test
	void storesTheAwsSecretEncryptedAndReturnsItMasked() {
		configure("aws-sns", Map.of("accessKeyId", accessKeyId(), "secretAccessKey", "plain-aws-secret-value", "region",
				"ap-south-1"));
		this.admin.get()
			.uri("/api/events/{e}/notification-config", this.eventId)
			.exchange()
			.expectBody()
			.jsonPath("$.data.sms.providers.aws-sns.secretAccessKey")
			.value((String masked) -> assertThat(masked).isNotEqualTo("plain-aws-secret-value").contains("*"))
			.jsonPath("$.data.sms.providers.aws-sns.region")
			.isEqualTo("ap-south-1");
		Document stored = this.mongo.findById(this.eventId, Document.class, "notification_configs").block();
		assertThat(stored.toJson()).doesNotContain("plain-aws-secret-value").contains(accessKeyId());
	}

	@Test
	void checksEachProvidersCredentialsWithoutShowingTheirReplies() {
		configure("aws-sns", Map.of("accessKeyId", accessKeyId(), "secretAccessKey", "s", "region", "eu-west-1"));
		PROVIDERS.stubFor(post(urlEqualTo("/sns/")).withRequestBody(containing("Action=GetSMSAttributes"))
			.withHeader("Authorization", containing(accessKeyId()))
			.willReturn(aResponse().withStatus(200).withBody("<GetSMSAttributesResponse/>")));
		testConnection().jsonPath("$.success").isEqualTo(true).jsonPath("$.data[0].result").isEqualTo("ok");

		configure("textlocal", Map.of("apiKey", "tl-bad-" + this.eventId));
		PROVIDERS.stubFor(post(urlEqualTo("/textlocal/balance/"))
			.withRequestBody(containing("apikey=tl-bad-" + this.eventId))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"errors\":[{\"code\":3,\"message\":\"Invalid login details\"}],\"status\":\"failure\"}")));
		testConnection().jsonPath("$.success")
			.isEqualTo(false)
			.jsonPath("$.data[0].result")
			.isEqualTo("auth-failed")
			.jsonPath("$.data[0].message")
			.value((String message) -> assertThat(message).doesNotContain("Invalid login details"));

		configure("msg91", Map.of("apiKey", "m91", "templateId", "t1"));
		testConnection().jsonPath("$.data[0].result").isEqualTo("not-supported");

		configure("other", Map.of("url", "http://127.0.0.1:" + PROVIDERS.port() + "/hook/c"));
		testConnection().jsonPath("$.data[0].result").isEqualTo("not-supported");
		PROVIDERS.verify(0, postRequestedFor(urlEqualTo("/hook/c")));
		PROVIDERS.verify(0, postRequestedFor(anyUrl()).withHeader("authkey", matching("m91")));
	}

	WebTestClient.BodyContentSpec testConnection() {
		return this.admin.post()
			.uri("/api/events/{e}/notification-config/test-connection", this.eventId)
			.bodyValue(Map.of("channel", "sms"))
			.exchange()
			.expectBody();
	}

}
