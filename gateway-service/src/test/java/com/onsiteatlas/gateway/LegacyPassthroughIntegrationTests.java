package com.onsiteatlas.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class LegacyPassthroughIntegrationTests extends GatewayIntegrationTest {

	@Test
	void passesLoginWithoutTokenToTheLegacyBackendWithItsBody() {
		String marker = TestTokens.newId();
		String credentials = "{\"email\":\"" + marker + "@example.test\",\"password\":\"secret\"}";
		this.client.post()
			.uri("/api/auth/login?m={m}", marker)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(credentials)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.legacy")
			.isEqualTo(true);
		StubServer.RecordedRequest received = TestBackends.LEGACY.onlyRequestContaining(marker);
		assertThat(received.method()).isEqualTo("POST");
		assertThat(received.body()).isEqualTo(credentials);
		assertThat(received.headers().containsKey(HttpHeaders.AUTHORIZATION)).isFalse();
	}

	@Test
	void passesTheCallersOwnTokenAndCookiesToTheLegacyBackendUnchecked() {
		String marker = TestTokens.newId();
		this.client.delete()
			.uri("/api/events/{id}/registrations/r1", marker)
			.header(HttpHeaders.AUTHORIZATION, "Bearer whatever-the-legacy-backend-decides")
			.cookie("token", "legacy-cookie")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
		StubServer.RecordedRequest received = TestBackends.LEGACY.onlyRequestContaining(marker);
		assertThat(received.bearerToken()).isEqualTo("whatever-the-legacy-backend-decides");
		assertThat(received.headers().getFirst(HttpHeaders.COOKIE)).contains("token=legacy-cookie");
	}

	@Test
	void tellsTheLegacyBackendTheVettedClientAddressOnly() {
		String marker = TestTokens.newId();
		// The test client is a trusted proxy that appended the caller's address; the hop
		// left of it was written by the caller and is dropped.
		this.client.get()
			.uri("/api/health?m={m}", marker)
			.header("X-Forwarded-For", "203.0.113.9, " + this.clientIp)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
		HttpHeaders received = TestBackends.LEGACY.onlyRequestContaining(marker).headers();
		assertThat(received.get("X-Forwarded-For")).containsExactly(this.clientIp);
		assertThat(received.getFirst("X-Forwarded-Proto")).isEqualTo("http");
	}

	@Test
	void keepsOnlyTheGatewaysCorsHeadersWhenTheLegacyBackendAddsItsOwn() {
		this.client.get()
			.uri("/api/events/{id}/registrations", TestTokens.newId())
			.header(HttpHeaders.ORIGIN, TestBackends.CLIENT_ORIGIN)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, TestBackends.CLIENT_ORIGIN)
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
			.expectBody();
	}

}
