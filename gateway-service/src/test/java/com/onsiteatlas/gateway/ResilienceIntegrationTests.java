package com.onsiteatlas.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class ResilienceIntegrationTests extends GatewayIntegrationTest {

	@Test
	void answers503JsonFromTheFallbackWhenAServiceIsDown() {
		String marker = TestTokens.newId();
		TestBackends.REPORTING.stop();
		try {
			this.client.get()
				.uri("/api/export/{id}/registrations.xlsx", marker)
				.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.knownStaff(TestTokens.newId(), "manager")))
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
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.knownStaff(TestTokens.newId(), "manager")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	@Test
	void waitsForASlowServiceLongerThanResilience4jsDefaultOneSecond() {
		this.client.get()
			.uri("/api/events/{id}/notifications/slow-1500ms", TestTokens.newId())
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.knownStaff(TestTokens.newId(), "admin")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	@Test
	void servesManyConcurrentCallsToOneServiceWithoutShedding() throws Exception {
		// Spring Cloud CircuitBreaker adds a Resilience4j bulkhead of 25 concurrent calls
		// by default, which answered 503 to a 32-connection load run.
		int concurrent = 60;
		String token = bearer(TestTokens.knownStaff(TestTokens.newId(), "admin"));
		ExecutorService pool = Executors.newFixedThreadPool(concurrent);
		try {
			List<Future<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < concurrent; i++) {
				WebTestClient caller = clientFrom(nextClientIp());
				calls.add(pool.submit(() -> caller.get()
					.uri("/api/events/{id}/notifications/slow-1500ms", TestTokens.newId())
					.header(HttpHeaders.AUTHORIZATION, token)
					.exchange()
					.returnResult(String.class)
					.getStatus()
					.value()));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> call : calls) {
				statuses.add(call.get(60, TimeUnit.SECONDS));
			}
			assertThat(statuses).hasSize(concurrent).containsOnly(200);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void passesServiceErrorsThroughWithoutRetrying() {
		String marker = TestTokens.newId();
		this.client.get()
			.uri("/api/events/{id}/hotels/fail-500", marker)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.knownStaff(TestTokens.newId(), "admin")))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("boom");
		assertThat(TestBackends.LODGING.requestsContaining(marker)).hasSize(1);
	}

}
