package com.onsiteatlas.reporting;

import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.support.testing.IdentityTokens;
import com.onsiteatlas.support.testing.ServiceTestProperties;

/**
 * The one Spring context of this service's integration tests: real embedded Kafka broker
 * and MongoDB-wire server. Every test-only property is here, so the context is built
 * once. Leases are short (3 s) so that tests can outlast them; GridFS is
 * {@link GatedGridFs}, whose stores a test can hold.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.data.mongodb.database=atlas_reporting_test", "atlas.reporting.poll-interval=300ms",
				"atlas.reporting.lease=3s", "atlas.reporting.purge-interval=1s",
				"atlas.retention.deleted-conference=0s", "atlas.retention.purge-interval=200ms",
				"atlas.reporting.schedules.poll-interval=300ms", "atlas.reporting.schedules.lease=3s",
				"atlas.destinations.allowed-hosts=localhost", "atlas.crypto.provider-secrets.current=k2",
				"atlas.crypto.provider-secrets.keys.k2=" + ReportingIntegrationTest.PROVIDER_SECRETS_K2 })
@Import(GatedGridFs.Config.class)
public abstract class ReportingIntegrationTest {

	/**
	 * The current provider-secrets key of the tests ({@code k2}; the key derived from
	 * {@code ATLAS_ENCRYPTION_KEY} is the older one, as after a rotation).
	 */
	protected static final String PROVIDER_SECRETS_K2 = "a2V5LXR3by1vZi10aGUtdGVzdHMtMzItYnl0ZXMtISE=";

	protected static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	protected int port;

	@Autowired
	protected KafkaTemplate<String, byte[]> kafka;

	protected WebTestClient client;

	/**
	 * A client of this instance, also usable in {@code @BeforeAll} of per-class tests.
	 * @return the client
	 */
	protected WebTestClient client() {
		if (this.client == null) {
			buildClient();
		}
		return this.client;
	}

	/** The SMTP server reports are mailed to; one per test JVM. */
	protected static final GreenMail SMTP = startSmtp();

	private static GreenMail startSmtp() {
		GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		return smtp;
	}

	/**
	 * The Google Drive and Dropbox stand-in (APIs and token endpoints); tests stub it
	 * with their own tokens, so they do not meet. One per test JVM.
	 */
	protected static final WireMockServer CLOUD = startCloud();

	private static WireMockServer startCloud() {
		WireMockServer cloud = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		cloud.start();
		return cloud;
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry);
		registry.add("spring.mail.host", () -> "localhost");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		// GreenMail stalls ~44 ms per EHLO; HELO avoids it.
		registry.add("spring.mail.properties.mail.smtp.ehlo", () -> "false");
		registry.add("atlas.reporting.delivery.google-drive-url", CLOUD::baseUrl);
		registry.add("atlas.reporting.delivery.dropbox-url", CLOUD::baseUrl);
		registry.add("atlas.reporting.delivery.google.token-url", () -> CLOUD.baseUrl() + "/google/token");
		registry.add("atlas.reporting.delivery.dropbox.token-url", () -> CLOUD.baseUrl() + "/dropbox/oauth2/token");
		registry.add("atlas.reporting.delivery.dropbox.client-id", () -> "operator-app");
		registry.add("atlas.reporting.delivery.dropbox.client-secret", () -> "operator-app-secret");
	}

	@BeforeEach
	void buildClient() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(java.time.Duration.ofSeconds(30))
			.build();
	}

	protected WebTestClient as(String role) {
		return client().mutate()
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + IdentityTokens.staff(role))
			.build();
	}

	protected WebTestClient asUser(String userId, String role) {
		return client().mutate()
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + IdentityTokens.of(userId, "staff", role, null))
			.build();
	}

	/**
	 * A golden sample envelope with a fresh id.
	 * @param type event type
	 * @return the envelope
	 */
	protected static ObjectNode golden(String type) {
		try (InputStream in = ReportingIntegrationTest.class.getResourceAsStream("/golden/" + type + ".v1.json")) {
			ObjectNode envelope = (ObjectNode) JSON.readTree(in);
			envelope.put("id", UUID.randomUUID().toString());
			return envelope;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A registration event of the golden shape for another registration and event.
	 */
	protected static ObjectNode registration(String type, String eventId, String id, String humanId, String first,
			String last, String category, Instant at) {
		ObjectNode envelope = golden(type);
		ObjectNode data = (ObjectNode) envelope.get("data");
		((ObjectNode) data.get("event")).put("_id", eventId);
		ObjectNode registration = (ObjectNode) data.get("registration");
		registration.put("_id", id).put("registrationId", humanId);
		((ObjectNode) registration.get("personalInfo")).put("firstName", first).put("lastName", last);
		((ObjectNode) registration.get("category")).put("name", category);
		data.put("occurredAt", at.toString());
		envelope.put("eventid", eventId).put("subject", id);
		return envelope;
	}

	protected void send(String topic, String key, ObjectNode envelope) {
		try {
			this.kafka.send(topic, key, JSON.writeValueAsBytes(envelope)).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
