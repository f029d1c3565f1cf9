package com.onsiteatlas.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class ResilienceIntegrationTest extends GatewayIntegrationTest {

	@Test
	void answers503JsonFromTheFallbackWhenAServiceIsDown() {
		String marker = TestTokens.newId();
		TestBackends.REPORTING.stop();
		try {
			this.client.get()
				.uri("/api/export/{id}/registrations.xlsx", marker)
				.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staffWithRole(TestTokens.newId(), "manager")))
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader()
				.contentType(MediaType.APPLICATION_JSON)
				.expectBody()
				.jsonPath("$.success")
				.isEqualTo(false)
				.jsonPath("$.message")
				.isEqualTo("reporting-service is temporarily unavailable, please retry shortly");
		}
		finally {
			TestBackends.REPORTING.restart();
		}
		this.client.get()
			.uri("/api/export/{id}/registrations.xlsx", marker)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staffWithRole(TestTokens.newId(), "manager")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	@Test
	void waitsForASlowServiceLongerThanResilience4jsDefaultOneSecond() {
		this.client.get()
			.uri("/api/events/{id}/notifications/slow-1500ms", TestTokens.newId())
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staffWithRole(TestTokens.newId(), "admin")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	@Test
	void passesServiceErrorsThroughWithoutRetrying() {
		String marker = TestTokens.newId();
		this.client.get()
			.uri("/api/events/{id}/hotels/fail-500", marker)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staffWithRole(TestTokens.newId(), "admin")))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("boom");
		assertThat(TestBackends.LODGING.requestsContaining(marker)).hasSize(1);
	}

}
