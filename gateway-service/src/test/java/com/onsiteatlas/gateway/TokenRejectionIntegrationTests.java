package com.onsiteatlas.gateway;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class TokenRejectionIntegrationTests extends GatewayIntegrationTest {

	private static final String INVALID = "Not authorized, token invalid";

	static Stream<Arguments> badTokens() {
		String userId = TestTokens.newId();
		long now = Instant.now().getEpochSecond();
		Map<String, Object> withoutExpiry = TestTokens.claims("id", userId, "role", "admin");
		withoutExpiry.remove("exp");
		return Stream.of(Arguments.of("garbage", "not-a-jwt", INVALID),
				Arguments.of("three garbage parts", "aaa.bbb.ccc", INVALID),
				Arguments.of("wrong signature",
						TestTokens.hmac("HS256", "HmacSHA256", "another-secret-of-enough-length-0123456789",
								TestTokens.claims("id", userId, "role", "admin")),
						INVALID),
				Arguments.of("expired",
						TestTokens.hs256(
								TestTokens.claims("id", userId, "role", "admin", "iat", now - 7200, "exp", now - 3600)),
						"Not authorized, token expired"),
				Arguments.of("not yet valid",
						TestTokens.hs256(TestTokens.claims("id", userId, "role", "admin", "nbf", now + 3600)), INVALID),
				Arguments.of("alg none", TestTokens.unsigned(TestTokens.claims("id", userId, "role", "admin")),
						INVALID),
				Arguments.of("HS512 with the right secret",
						TestTokens.hmac("HS512", "HmacSHA512", TestTokens.JWT_SECRET,
								TestTokens.claims("id", userId, "role", "admin")),
						INVALID),
				Arguments.of("RS256", TestTokens.rs256(TestTokens.claims("id", userId, "role", "admin")), INVALID),
				Arguments.of("no id", TestTokens.hs256(TestTokens.claims("role", "admin")), INVALID),
				Arguments.of("numeric id", TestTokens.hs256(TestTokens.claims("id", 42, "role", "admin")), INVALID),
				Arguments.of("no exp", TestTokens.hs256(withoutExpiry), INVALID));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badTokens")
	void rejectsBadTokensWith401Json(String description, String token, String message) {
		String marker = TestTokens.newId();
		this.client.post()
			.uri("/api/events/{id}/notification-templates", marker)
			.header(HttpHeaders.AUTHORIZATION, bearer(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"x\"}")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false)
			.jsonPath("$.message")
			.isEqualTo(message);
		assertThat(TestBackends.NOTIFICATION.requestsContaining(marker)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Bearer", "Bearer ", "Bearer null", "Bearer undefined", "Basic dXNlcjpwYXNz" })
	void rejectsRequestsWithoutABearerTokenWith401NoToken(String authorization) {
		String marker = TestTokens.newId();
		this.client.get().uri("/api/events/{id}/hotels", marker).headers((headers) -> {
			if (!authorization.isEmpty()) {
				headers.set(HttpHeaders.AUTHORIZATION, authorization);
			}
		})
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Not authorized, no token");
		assertThat(TestBackends.LODGING.requestsContaining(marker)).isEmpty();
	}

	@Test
	void ignoresTokensSentAsCookies() {
		String marker = TestTokens.newId();
		String token = TestTokens.knownStaff(TestTokens.newId(), "admin");
		this.client.get()
			.uri("/api/export/{id}", marker)
			.cookie("token", token)
			.cookie("jwt", token)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Not authorized, no token");
		assertThat(TestBackends.REPORTING.requestsContaining(marker)).isEmpty();
	}

}
