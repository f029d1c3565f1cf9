package com.onsiteatlas.gateway;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingIntegrationTests extends GatewayIntegrationTest {

	static Stream<Arguments> routes() {
		return Stream.of(Arguments.of("/api/events/{e}/notification-templates", TestBackends.NOTIFICATION),
				Arguments.of("/api/events/{e}/notification-templates/t1/preview", TestBackends.NOTIFICATION),
				Arguments.of("/api/events/{e}/notification-triggers/x", TestBackends.NOTIFICATION),
				Arguments.of("/api/events/{e}/notifications", TestBackends.NOTIFICATION),
				Arguments.of("/api/events/{e}/notification-config", TestBackends.NOTIFICATION),
				Arguments.of("/api/events/{e}/notification/legacy-cutover", TestBackends.NOTIFICATION),
				Arguments.of("/api/events/{e}/notification/legacy-cutover/import", TestBackends.NOTIFICATION),
				Arguments.of("/api/events/{e}/notification/other", TestBackends.LEGACY),
				Arguments.of("/api/events/{e}/notification-audit", TestBackends.NOTIFICATION),
				Arguments.of("/api/events/{e}/notification-audit?format=csv", TestBackends.NOTIFICATION),
				Arguments.of("/api/events/{e}/retention/notification-service", TestBackends.NOTIFICATION),
				Arguments.of("/api/events/{e}/retention/notification-service/restore", TestBackends.NOTIFICATION),
				Arguments.of("/api/events/{e}/retention/lodging-travel-service/restore", TestBackends.LODGING),
				Arguments.of("/api/events/{e}/retention/reporting-service/restore", TestBackends.REPORTING),
				Arguments.of("/api/events/{e}/retention/other-service", TestBackends.LEGACY),
				Arguments.of("/api/events/{e}/whatsapp-config", TestBackends.NOTIFICATION),
				Arguments.of("/api/events/{e}/sms-config", TestBackends.NOTIFICATION),
				Arguments.of("/api/whatsapp/validate?eventId={e}", TestBackends.NOTIFICATION),
				Arguments.of("/api/whatsapp/test?eventId={e}", TestBackends.NOTIFICATION),
				Arguments.of("/api/sms/validate?eventId={e}", TestBackends.NOTIFICATION),
				Arguments.of("/api/sms/balance?eventId={e}", TestBackends.NOTIFICATION),
				Arguments.of("/api/sms/test?eventId={e}", TestBackends.NOTIFICATION),
				Arguments.of("/api/sms/other?eventId={e}", TestBackends.LEGACY),
				Arguments.of("/api/events/{e}/hotels/h1", TestBackends.LODGING),
				Arguments.of("/api/events/{e}/hotel-bookings", TestBackends.LODGING),
				Arguments.of("/api/events/{e}/travel-info/t1", TestBackends.LODGING),
				Arguments.of("/api/events/{e}/room-blocks", TestBackends.LODGING),
				Arguments.of("/api/events/{e}/transfer-manifest", TestBackends.LODGING),
				Arguments.of("/api/events/{e}/registrants", TestBackends.LODGING),
				Arguments.of("/api/events/{e}/registrants/me", TestBackends.LODGING),
				Arguments.of("/api/export/{e}/registrations.xlsx", TestBackends.REPORTING),
				Arguments.of("/api/reports/{e}", TestBackends.REPORTING),
				Arguments.of("/api/events/{e}/reports/preview", TestBackends.REPORTING),
				Arguments.of("/api/events/{e}/reporting-audit", TestBackends.REPORTING),
				Arguments.of("/api/events/{e}/reporting-audit?format=csv", TestBackends.REPORTING),
				Arguments.of("/api/events/{e}/registrations", TestBackends.LEGACY),
				Arguments.of("/api/events/{e}/emails/history", TestBackends.LEGACY),
				Arguments.of("/api/events/{e}/sms-config-legacy", TestBackends.LEGACY),
				Arguments.of("/api/notifications/{e}", TestBackends.LEGACY),
				Arguments.of("/api/{e}", TestBackends.LEGACY));
	}

	/**
	 * The paging query, after a path that has a query already (the client's channel
	 * checks).
	 */
	private static String query(String path) {
		return (path.contains("?") ? "&" : "?") + "page=2&limit=10";
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("routes")
	void routesEachPathToItsBackendWithPathAndQueryUnchanged(String template, StubServer expected) {
		String marker = TestTokens.newId();
		String path = template.replace("{e}", marker);
		this.client.get()
			.uri(path + query(path))
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.knownStaff(TestTokens.newId(), "admin")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
		StubServer.RecordedRequest received = expected.onlyRequestContaining(marker);
		assertThat(received.uri()).isEqualTo(path + query(path));
		for (StubServer other : List.of(TestBackends.NOTIFICATION, TestBackends.LODGING, TestBackends.REPORTING,
				TestBackends.LEGACY)) {
			if (other != expected) {
				assertThat(other.requestsContaining(marker)).as(other.name()).isEmpty();
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/api/registrant-portal/events/{e}/travel-info/registration/r1",
			"/api/registrant-portal/events/{e}/hotel-bookings/registration/r1",
			"/api/registrant-portal/events/{e}/hotels", "/api/registrant-portal/events/{e}/registrants/me" })
	void servesTheRegistrantsOwnLodgingRoutesUnderTheRegistrantPortalPrefix(String template) {
		String marker = TestTokens.newId();
		String path = template.replace("{e}", marker);
		this.client.get()
			.uri(path + "?page=2")
			.header(HttpHeaders.AUTHORIZATION,
					bearer(TestTokens.hs256(TestTokens.claims("id", TestTokens.newId(), "type", "registrant"))))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
		assertThat(TestBackends.LODGING.onlyRequestContaining(marker).uri())
			.isEqualTo(path.replace("/api/registrant-portal/", "/api/") + "?page=2");
		assertThat(TestBackends.LEGACY.requestsContaining(marker)).isEmpty();
	}

	@Test
	void answersUnknownPathsOutsideApiWith404Json() {
		JsonNode body = this.client.get()
			.uri("/no-such-page")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(body.get("success").asBoolean()).isFalse();
		assertThat(body.get("message").asText()).isEqualTo("Not Found");
		assertThat(body.has("trace")).isFalse();
	}

	@Test
	void doesNotServeTheFallbackEndpointToCallers() {
		this.client.get()
			.uri("/fallback/notification-service")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false);
	}

}
