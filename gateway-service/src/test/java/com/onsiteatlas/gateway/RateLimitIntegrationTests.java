package com.onsiteatlas.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitIntegrationTests extends GatewayIntegrationTest {

	@Test
	void limitsEachClientIpAndAnswers429WithRetryAfter() {
		for (int i = 1; i <= RATE_LIMIT; i++) {
			EntityExchangeResult<byte[]> result = this.client.get()
				.uri("/api/health")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.returnResult();
			assertThat(result.getResponseHeaders().getFirst("RateLimit-Limit")).isEqualTo(String.valueOf(RATE_LIMIT));
			if (i == 1) {
				assertThat(result.getResponseHeaders().getFirst("RateLimit-Remaining"))
					.isEqualTo(String.valueOf(RATE_LIMIT - 1));
			}
		}
		// The bucket refills at RATE_LIMIT per minute, so allow for a token or two coming
		// back meanwhile.
		HttpStatus last = HttpStatus.OK;
		for (int extra = 0; extra < 5 && last == HttpStatus.OK; extra++) {
			EntityExchangeResult<byte[]> result = this.client.get()
				.uri("/api/health")
				.exchange()
				.expectBody()
				.returnResult();
			last = HttpStatus.valueOf(result.getStatus().value());
			if (last == HttpStatus.TOO_MANY_REQUESTS) {
				assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
				assertThat(new String(result.getResponseBodyContent()))
					.isEqualTo("{\"success\":false,\"message\":\"Too many requests, please try again later.\"}");
				assertThat(Long.parseLong(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
				assertThat(result.getResponseHeaders().getFirst("RateLimit-Remaining")).isEqualTo("0");
			}
		}
		assertThat(last).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

		clientFrom(nextClientIp()).get().uri("/api/health").exchange().expectStatus().isOk().expectBody();
	}

	@Test
	void keepsOneBucketPerClientWhatEverItWritesIntoXForwardedFor() {
		// Behind a proxy that appends, the client controls the hops left of its own
		// address: a fresh made-up first hop per request must not buy a fresh bucket.
		String ip = nextClientIp();
		HttpStatus last = HttpStatus.OK;
		for (int i = 1; i <= RATE_LIMIT + 5 && last == HttpStatus.OK; i++) {
			last = HttpStatus.valueOf(this.webTestClient.get()
				.uri("/api/health")
				.header("X-Forwarded-For", "203.0.113." + i + ", " + ip)
				.exchange()
				.expectBody()
				.returnResult()
				.getStatus()
				.value());
		}
		assertThat(last).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	void doesNotLimitPathsOutsideApi() {
		for (int i = 0; i <= RATE_LIMIT; i++) {
			this.client.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody();
		}
	}

}
