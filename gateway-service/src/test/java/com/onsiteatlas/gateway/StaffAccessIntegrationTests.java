package com.onsiteatlas.gateway;

import java.time.Duration;

import com.nimbusds.jwt.JWTClaimsSet;
import com.onsiteatlas.gateway.StubServer.StubResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class StaffAccessIntegrationTests extends GatewayIntegrationTest {

	@ParameterizedTest
	@ValueSource(strings = { "/api/events/%s/notifications", "/api/events/%s/hotel-bookings", "/api/export/%s/x.csv" })
	void letsKnownStaffThroughWithAnInternalStaffIdentity(String template) throws Exception {
		String userId = TestTokens.newId();
		String marker = TestTokens.newId();
		String callerToken = TestTokens.knownStaff(userId, "admin");
		this.client.get()
			.uri(template.formatted(marker))
			.header(HttpHeaders.AUTHORIZATION, bearer(callerToken))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
		StubServer target = template.contains("notifications") ? TestBackends.NOTIFICATION
				: template.contains("hotel") ? TestBackends.LODGING : TestBackends.REPORTING;
		StubServer.RecordedRequest received = target.onlyRequestContaining(marker);
		assertThat(received.bearerToken()).isNotEqualTo(callerToken);
		JWTClaimsSet identity = InternalTokens.verify(received.bearerToken());
		assertThat(identity.getAudience()).as("only the service it is routed to accepts it")
			.containsExactly(target.name());
		assertThat(identity.getSubject()).isEqualTo(userId);
		assertThat(identity.getStringClaim("atlas_type")).isEqualTo("staff");
		assertThat(identity.getStringClaim("role")).isEqualTo("admin");
		assertThat(identity.getClaim("event_id")).isNull();
		assertThat(TestBackends.LEGACY.requestsContaining("/api/auth/me")
			.stream()
			.filter((request) -> callerToken.equals(request.bearerToken()))).hasSize(1);
	}

	@Test
	void ignoresARoleClaimAndUsesTheRoleTheLegacyBackendKnows() {
		String userId = TestTokens.newId();
		TestBackends.legacyUser(userId, "reviewer");
		String marker = TestTokens.newId();
		this.client.get()
			.uri("/api/events/{id}/notifications", marker)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staffWithRoleClaim(userId, "admin")))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Role 'reviewer' is not allowed to access this resource");
		assertThat(TestBackends.NOTIFICATION.requestsContaining(marker)).isEmpty();
	}

	@Test
	void rejectsAnUnknownUserWith401EvenWithAnAdminRoleClaim() {
		String marker = TestTokens.newId();
		this.client.get()
			.uri("/api/events/{id}/notifications", marker)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staffWithRoleClaim(TestTokens.newId(), "admin")))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Not authorized, token invalid");
		assertThat(TestBackends.NOTIFICATION.requestsContaining(marker)).isEmpty();
	}

	@Test
	void resolvesTheRoleOfAStaffTokenWithoutRoleThroughTheLegacyBackend() throws Exception {
		String userId = TestTokens.newId();
		TestBackends.legacyUser(userId, "manager");
		String marker = TestTokens.newId();
		String callerToken = TestTokens.staff(userId);
		this.client.get()
			.uri("/api/events/{id}/notification-templates", marker)
			.header(HttpHeaders.AUTHORIZATION, bearer(callerToken))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
		assertThat(TestBackends.LEGACY.requests((uri) -> uri.equals("/api/auth/me"))
			.stream()
			.filter((request) -> callerToken.equals(request.bearerToken()))).hasSize(1);
		JWTClaimsSet identity = InternalTokens
			.verify(TestBackends.NOTIFICATION.onlyRequestContaining(marker).bearerToken());
		assertThat(identity.getSubject()).isEqualTo(userId);
		assertThat(identity.getStringClaim("atlas_type")).isEqualTo("staff");
		assertThat(identity.getStringClaim("role")).isEqualTo("manager");
		assertThat(identity.getStringClaim("name")).isEqualTo("Dana Demo");
		assertThat(identity.getStringClaim("email")).isEqualTo("dana@example.test");
	}

	@Test
	void asksTheLegacyBackendOnlyOncePerTokenWhileTheRoleIsCached() {
		String userId = TestTokens.newId();
		TestBackends.legacyUser(userId, "staff");
		String callerToken = TestTokens.staff(userId);
		for (int i = 0; i < 3; i++) {
			this.client.get()
				.uri("/api/events/{id}/hotels", TestTokens.newId())
				.header(HttpHeaders.AUTHORIZATION, bearer(callerToken))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody();
		}
		assertThat(TestBackends.LEGACY.requests((uri) -> uri.equals("/api/auth/me"))
			.stream()
			.filter((request) -> callerToken.equals(request.bearerToken()))).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "reviewer", "user", "organizer" })
	void forbidsStaffRolesOutsideTheServicePolicy(String role) {
		String marker = TestTokens.newId();
		this.client.get()
			.uri("/api/events/{id}/notifications", marker)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.knownStaff(TestTokens.newId(), role)))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false)
			.jsonPath("$.message")
			.isEqualTo("Role '" + role + "' is not allowed to access this resource");
		assertThat(TestBackends.NOTIFICATION.requestsContaining(marker)).isEmpty();
	}

	@Test
	void forbidsAReviewerWhoseRoleComesFromTheLegacyBackend() {
		String userId = TestTokens.newId();
		TestBackends.legacyUser(userId, "reviewer");
		String marker = TestTokens.newId();
		this.client.get()
			.uri("/api/reports/{id}", marker)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staff(userId)))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Role 'reviewer' is not allowed to access this resource");
		assertThat(TestBackends.REPORTING.requestsContaining(marker)).isEmpty();
	}

	@Test
	void rejectsAnInactiveStaffUserWith401() {
		String userId = TestTokens.newId();
		TestBackends.LEGACY_USERS.put(userId, StubResponse.json(200,
				"{\"success\":true,\"user\":{\"id\":\"" + userId + "\",\"role\":\"admin\",\"isActive\":false}}"));
		String marker = TestTokens.newId();
		this.client.get()
			.uri("/api/events/{id}/notifications", marker)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staff(userId)))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Not authorized, account is inactive");
		assertThat(TestBackends.NOTIFICATION.requestsContaining(marker)).isEmpty();
	}

	@Test
	void rejectsWith401WhenTheLegacyBackendDoesNotKnowTheUser() {
		String marker = TestTokens.newId();
		this.client.get()
			.uri("/api/events/{id}/notifications", marker)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staff(TestTokens.newId())))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Not authorized, token invalid");
		assertThat(TestBackends.NOTIFICATION.requestsContaining(marker)).isEmpty();
	}

	@Test
	void failsClosedWith503WhenTheLegacyBackendErrorsAndDoesNotCacheTheFailure() {
		String userId = TestTokens.newId();
		TestBackends.LEGACY_USERS.put(userId, StubResponse.json(500, "{\"success\":false}"));
		String callerToken = TestTokens.staff(userId);
		String marker = TestTokens.newId();
		expectRoleLookupUnavailable(callerToken, marker);
		assertThat(TestBackends.NOTIFICATION.requestsContaining(marker)).isEmpty();

		TestBackends.legacyUser(userId, "admin");
		this.client.get()
			.uri("/api/events/{id}/notifications", marker)
			.header(HttpHeaders.AUTHORIZATION, bearer(callerToken))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	@Test
	void failsClosedWith503WhenTheLegacyBackendIsTooSlow() {
		String userId = TestTokens.newId();
		TestBackends.LEGACY_USERS.put(userId,
				StubResponse.json(200, "{\"data\":{\"role\":\"admin\"}}").delayedBy(Duration.ofSeconds(3)));
		String marker = TestTokens.newId();
		expectRoleLookupUnavailable(TestTokens.staff(userId), marker);
		assertThat(TestBackends.NOTIFICATION.requestsContaining(marker)).isEmpty();
	}

	@Test
	void failsClosedWith503WhenTheLegacyAnswerHasNoRole() {
		String userId = TestTokens.newId();
		TestBackends.LEGACY_USERS.put(userId, StubResponse.json(200, "<html>maintenance</html>"));
		String marker = TestTokens.newId();
		expectRoleLookupUnavailable(TestTokens.staff(userId), marker);
		assertThat(TestBackends.NOTIFICATION.requestsContaining(marker)).isEmpty();
	}

	private void expectRoleLookupUnavailable(String callerToken, String marker) {
		this.client.get()
			.uri("/api/events/{id}/notifications", marker)
			.header(HttpHeaders.AUTHORIZATION, bearer(callerToken))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false)
			.jsonPath("$.message")
			.isEqualTo("Cannot verify your role right now");
	}

}
