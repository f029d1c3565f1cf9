package com.onsiteatlas.gateway;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class CorrelationIdIntegrationTests extends GatewayIntegrationTest {

	private static final String HEADER = "X-Correlation-Id";

	@Test
	void generatesAnIdWhenTheCallerSendsNoneAndSendsItDownstreamAndBack() {
		String marker = TestTokens.newId();
		String returned = this.client.get()
			.uri("/api/events/{id}/registrations", marker)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseHeaders()
			.getFirst(HEADER);
		assertThat(UUID.fromString(returned)).isNotNull();
		assertThat(TestBackends.LEGACY.onlyRequestContaining(marker).headers().get(HEADER)).containsExactly(returned);
	}

	@Test
	void keepsAValidCallerIdOnServiceRoutesAndOnTheRoleLookup() {
		String userId = TestTokens.newId();
		TestBackends.legacyUser(userId, "admin");
		String token = TestTokens.staff(userId);
		String marker = TestTokens.newId();
		String id = "trace_" + marker;
		this.client.get()
			.uri("/api/events/{id}/notifications", marker)
			.header(HEADER, id)
			.header(HttpHeaders.AUTHORIZATION, bearer(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HEADER, id)
			.expectBody();
		assertThat(TestBackends.NOTIFICATION.onlyRequestContaining(marker).headers().get(HEADER)).containsExactly(id);
		assertThat(TestBackends.LEGACY.requests((uri) -> uri.equals("/api/auth/me"))
			.stream()
			.filter((request) -> token.equals(request.bearerToken()))
			.map((request) -> request.headers().getFirst(HEADER))).containsExactly(id);
	}

	@Test
	void replacesMalformedCallerIds() {
		for (String bad : new String[] { "short", "has spaces in it", "x".repeat(65), "semi;colon-123" }) {
			String returned = this.client.get()
				.uri("/api/health")
				.header(HEADER, bad)
				.exchange()
				.expectBody()
				.returnResult()
				.getResponseHeaders()
				.getFirst(HEADER);
			assertThat(returned).isNotEqualTo(bad);
			assertThat(UUID.fromString(returned)).isNotNull();
		}
	}

	@Test
	void returnsTheIdOnGatewayErrorsToo() {
		this.client.get()
			.uri("/nothing-here")
			.header(HEADER, "abcdefgh-404")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.valueEquals(HEADER, "abcdefgh-404")
			.expectBody();
		this.client.get()
			.uri("/api/events/e/hotels")
			.header(HEADER, "abcdefgh-401")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HEADER, "abcdefgh-401")
			.expectBody();
	}

	@Test
	void writesOneAccessLogLineWithTheId(CapturedOutput output) {
		String id = "access-" + TestTokens.newId();
		this.client.get().uri("/api/health").header(HEADER, id).exchange().expectStatus().isOk().expectBody();
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output.getOut())
				.containsPattern("\\[" + id + "\\] .*GET /api/health 200 \\d+ ms cid=" + id + " ip=" + this.clientIp));
	}

}
