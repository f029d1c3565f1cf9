package com.onsiteatlas.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityForwardingIntegrationTests extends GatewayIntegrationTest {

	@Test
	void neverForwardsTheCallersTokenOrCookiesToAService() {
		String marker = TestTokens.newId();
		String callerToken = TestTokens.knownStaff(TestTokens.newId(), "staff");
		this.client.put()
			.uri("/api/events/{id}/notification-config", marker)
			.header(HttpHeaders.AUTHORIZATION, bearer(callerToken))
			.cookie("token", callerToken)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"channels\":[\"email\"]}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
		StubServer.RecordedRequest received = TestBackends.NOTIFICATION.onlyRequestContaining(marker);
		assertThat(received.headers().get(HttpHeaders.AUTHORIZATION)).hasSize(1);
		InternalTokens.verify(received.bearerToken());
		assertThat(received.headers().containsKey(HttpHeaders.COOKIE)).isFalse();
		assertThat(received.headers().toString()).doesNotContain(callerToken);
		assertThat(received.method()).isEqualTo("PUT");
		assertThat(received.body()).isEqualTo("{\"channels\":[\"email\"]}");
	}

	@Test
	void stripsSpoofedAtlasHeadersOnServiceAndLegacyRoutes() {
		String marker = TestTokens.newId();
		this.client.get()
			.uri("/api/events/{id}/room-blocks", marker)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.knownStaff(TestTokens.newId(), "admin")))
			.header("X-Atlas-User-Id", "someone-else")
			.header("x-atlas-role", "admin")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
		this.client.get()
			.uri("/api/events/{id}/registrations", marker)
			.header("X-ATLAS-Event-Id", "spoof")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
		for (StubServer.RecordedRequest received : new StubServer.RecordedRequest[] {
				TestBackends.LODGING.onlyRequestContaining(marker),
				TestBackends.LEGACY.onlyRequestContaining(marker) }) {
			assertThat(received.headers().keySet()).noneMatch((name) -> name.toLowerCase().startsWith("x-atlas-"));
		}
	}

	@Test
	void forwardsProviderWebhooksWithoutTokenAndWithoutCallerCredentials() {
		String marker = TestTokens.newId();
		this.client.post()
			.uri("/api/notifications/webhooks/twilio/{id}", marker)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.knownStaff(TestTokens.newId(), "admin")))
			.header("X-Twilio-Signature", "sig")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("MessageSid=SM1&MessageStatus=delivered")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
		StubServer.RecordedRequest received = TestBackends.NOTIFICATION.onlyRequestContaining(marker);
		assertThat(received.headers().containsKey(HttpHeaders.AUTHORIZATION)).isFalse();
		assertThat(received.headers().getFirst("X-Twilio-Signature")).isEqualTo("sig");
		assertThat(received.body()).isEqualTo("MessageSid=SM1&MessageStatus=delivered");
	}

	@Test
	void servesUnsubscribeLinksWithoutToken() {
		String marker = TestTokens.newId();
		this.client.get()
			.uri("/api/notifications/unsubscribe/{token}", marker)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
		assertThat(TestBackends.NOTIFICATION.onlyRequestContaining(marker).uri())
			.isEqualTo("/api/notifications/unsubscribe/" + marker);
	}

}
