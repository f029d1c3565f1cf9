package com.onsiteatlas.notification;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.support.testing.MutableClock;
import com.onsiteatlas.support.testing.ServiceTestProperties;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The one Spring context of this service's integration tests: real embedded Kafka broker
 * and MongoDB-wire server, a real SMTP server (GreenMail) and one local HTTP server
 * (WireMock) standing in for Twilio, Meta and the HTTP SMS providers (AWS SNS under
 * {@code /sns}, TextLocal under {@code /textlocal}, MSG91 under {@code /msg91}). The
 * service's clock runs with the system clock unless a test sets it. The operator's
 * allow-list of organiser destinations names {@code 127.0.0.1} (as written) only, so that
 * the stand-ins stay reachable while {@code localhost} and other internal names are
 * refused. Provider secrets are under a configured keyring whose current key is
 * {@code k2}, the key derived from {@code ATLAS_ENCRYPTION_KEY} ({@code env}) the older
 * one, as after a rotation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.data.mongodb.database=atlas_notification_test",
				"spring.mail.properties.mail.smtp.ehlo=false", "atlas.notification.dispatch.poll-interval=200ms",
				"atlas.notification.dispatch.initial-backoff=200ms", "atlas.notification.dispatch.max-backoff=1s",
				"atlas.notification.dispatch.max-attempts=4", "atlas.notification.rate-limits.email=1000",
				"atlas.notification.rate-limits.sms=20", "atlas.notification.rate-limits.whatsapp=1000",
				"atlas.notification.schedule.enabled=false", "atlas.notification.public-base-url=https://atlas.test",
				"atlas.notification.twilio.timeout=2s", "atlas.notification.whatsapp.timeout=2s",
				"atlas.notification.sms.timeout=2s", "atlas.destinations.allowed-hosts=127.0.0.1",
				"atlas.retention.deleted-conference=0s", "atlas.retention.purge-interval=200ms",
				"atlas.crypto.provider-secrets.current=k2",
				"atlas.crypto.provider-secrets.keys.k2=" + NotificationIntegrationTest.PROVIDER_SECRETS_K2 })
@Import(TestClockConfiguration.class)
public abstract class NotificationIntegrationTest {

	/** The current provider-secrets key of the tests ({@code k2}), base64 of 32 bytes. */
	protected static final String PROVIDER_SECRETS_K2 = "a2V5LXR3by1vZi10aGUtdGVzdHMtMzItYnl0ZXMtISE=";

	/**
	 * Real SMTP on a free port, authentication off (the global server needs no login).
	 */
	protected static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

	/** Stands in for api.twilio.com and graph.facebook.com. */
	protected static final WireMockServer PROVIDERS = new WireMockServer(options().dynamicPort());

	static {
		SMTP.start();
		PROVIDERS.start();
	}

	@LocalServerPort
	protected int port;

	@Autowired
	protected org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

	/** The service's clock: a test that depends on the time of day sets it. */
	@Autowired
	protected MutableClock clock;

	protected WebTestClient client;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("atlas.notification.twilio.base-url", () -> "http://127.0.0.1:" + PROVIDERS.port());
		registry.add("atlas.notification.whatsapp.base-url", () -> "http://127.0.0.1:" + PROVIDERS.port() + "/graph");
		registry.add("atlas.notification.sms.sns-base-url", () -> "http://127.0.0.1:" + PROVIDERS.port() + "/sns");
		registry.add("atlas.notification.sms.textlocal-base-url",
				() -> "http://127.0.0.1:" + PROVIDERS.port() + "/textlocal");
		registry.add("atlas.notification.sms.msg91-base-url", () -> "http://127.0.0.1:" + PROVIDERS.port() + "/msg91");
	}

	@BeforeEach
	void baseSetUp() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(java.time.Duration.ofSeconds(30))
			.build();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

}
