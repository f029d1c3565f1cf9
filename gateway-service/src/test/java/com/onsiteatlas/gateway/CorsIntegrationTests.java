package com.onsiteatlas.gateway;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class CorsIntegrationTests extends GatewayIntegrationTest {

	@ParameterizedTest
	@ValueSource(strings = { TestBackends.CLIENT_ORIGIN, "https://admin.example.test" })
	void answersPreflightFromAConfiguredOriginWithoutToken(String origin) {
		String marker = TestTokens.newId();
		this.client.options()
			.uri("/api/events/{id}/notification-templates", marker)
			.header(HttpHeaders.ORIGIN, origin)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, (methods) -> assertThat(methods).contains("PATCH"))
			.expectBody();
		assertThat(TestBackends.NOTIFICATION.requestsContaining(marker)).isEmpty();
	}

	@Test
	void rejectsPreflightFromAnotherOrigin() {
		this.client.options()
			.uri("/api/events/{id}/notification-templates", TestTokens.newId())
			.header(HttpHeaders.ORIGIN, "https://evil.example.test")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
			.expectBody();
	}

	@Test
	void letsTheBrowserReadGatewayErrorsAndExposedHeaders() {
		this.client.get()
			.uri("/api/events/{id}/notifications", TestTokens.newId())
			.header(HttpHeaders.ORIGIN, TestBackends.CLIENT_ORIGIN)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, TestBackends.CLIENT_ORIGIN)
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
					(exposed) -> assertThat(exposed).contains("Content-Disposition", "X-Correlation-Id",
							"RateLimit-Remaining", "Retry-After"))
			.expectBody();
	}

}
