package com.onsiteatlas.gateway;

import java.util.Map;
import java.util.stream.Stream;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class PortalTokenAccessIntegrationTests extends GatewayIntegrationTest {

	private static final String EVENT_ID = TestTokens.newId();

	@Test
	void letsARegistrantReachLodgingAndTravelWithItsEvent() throws Exception {
		String registrationId = TestTokens.newId();
		String marker = TestTokens.newId();
		this.client.get()
			.uri("/api/events/{id}/travel-info/mine", marker)
			.header(HttpHeaders.AUTHORIZATION,
					bearer(TestTokens.hs256(TestTokens.claims("id", registrationId, "type", "registrant", "eventId",
							EVENT_ID, "registrationId", "REG-0001"))))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
		JWTClaimsSet identity = InternalTokens.verify(TestBackends.LODGING.onlyRequestContaining(marker).bearerToken());
		assertThat(identity.getSubject()).isEqualTo(registrationId);
		assertThat(identity.getStringClaim("atlas_type")).isEqualTo("registrant");
		assertThat(identity.getStringClaim("role")).isEqualTo("registrant");
		assertThat(identity.getStringClaim("event_id")).isEqualTo(EVENT_ID);
	}

	@Test
	void letsARegistrantPortalTokenWithoutEventThrough() throws Exception {
		String marker = TestTokens.newId();
		this.client.get()
			.uri("/api/events/{id}/hotel-bookings", marker)
			.header(HttpHeaders.AUTHORIZATION,
					bearer(TestTokens.hs256(TestTokens.claims("id", TestTokens.newId(), "type", "registrant"))))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
		JWTClaimsSet identity = InternalTokens.verify(TestBackends.LODGING.onlyRequestContaining(marker).bearerToken());
		assertThat(identity.getClaim("event_id")).isNull();
	}

	static Stream<Arguments> refusedCallers() {
		Map<String, Object> registrant = TestTokens.claims("id", TestTokens.newId(), "type", "registrant", "eventId",
				EVENT_ID);
		Map<String, Object> sponsor = TestTokens.claims("id", TestTokens.newId(), "eventId", EVENT_ID, "sponsorId",
				"SPN-ABC-001", "type", "sponsor");
		Map<String, Object> client = TestTokens.claims("id", TestTokens.newId(), "type", "client", "event", EVENT_ID,
				"clientId", "OC-ABC-001", "name", "Acme Travel");
		Map<String, Object> author = TestTokens.claims("id", TestTokens.newId(), "role", "author", "event", EVENT_ID);
		return Stream.of(Arguments.of("registrant", registrant, "/api/events/%s/notifications"),
				Arguments.of("registrant", registrant, "/api/reports/%s"),
				Arguments.of("sponsor", sponsor, "/api/events/%s/notifications"),
				Arguments.of("sponsor", sponsor, "/api/events/%s/hotels"),
				Arguments.of("sponsor", sponsor, "/api/export/%s"),
				Arguments.of("client", client, "/api/events/%s/notifications"),
				Arguments.of("client", client, "/api/events/%s/room-blocks"),
				Arguments.of("client", client, "/api/events/%s/reports/preview"),
				Arguments.of("author", author, "/api/events/%s/notification-templates"),
				Arguments.of("author", author, "/api/events/%s/travel-info"),
				Arguments.of("author", author, "/api/reports/%s"));
	}

	@ParameterizedTest(name = "{0} on {2}")
	@MethodSource("refusedCallers")
	void forbidsPortalTokensOnServicesTheirRoleMayNotUse(String role, Map<String, Object> claims, String template) {
		String marker = TestTokens.newId();
		this.client.get()
			.uri(template.formatted(marker))
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.hs256(claims)))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false)
			.jsonPath("$.message")
			.isEqualTo("Role '" + role + "' is not allowed to access this resource");
		assertThat(TestBackends.NOTIFICATION.requestsContaining(marker)).isEmpty();
		assertThat(TestBackends.LODGING.requestsContaining(marker)).isEmpty();
		assertThat(TestBackends.REPORTING.requestsContaining(marker)).isEmpty();
	}

	@Test
	void passesPortalTokensToTheLegacyBackendUnchanged() {
		String marker = TestTokens.newId();
		String sponsorToken = TestTokens.hs256(TestTokens.claims("id", TestTokens.newId(), "eventId", EVENT_ID,
				"sponsorId", "SPN-ABC-001", "type", "sponsor"));
		this.client.get()
			.uri("/api/sponsor-portal-auth/{id}/me", marker)
			.header(HttpHeaders.AUTHORIZATION, bearer(sponsorToken))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
		assertThat(TestBackends.LEGACY.onlyRequestContaining(marker).bearerToken()).isEqualTo(sponsorToken);
	}

}
