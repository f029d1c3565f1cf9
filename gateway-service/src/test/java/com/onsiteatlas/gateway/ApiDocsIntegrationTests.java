package com.onsiteatlas.gateway;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import com.onsiteatlas.identity.InternalIdentityToken;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsIntegrationTests extends GatewayIntegrationTest {

	@ParameterizedTest
	@ValueSource(strings = { "notification-service", "lodging-travel-service", "reporting-service" })
	void proxiesEachServicesOpenApiDocumentWithTheGatewaysOwnIdentity(String service) {
		int before = TestBackends.NOTIFICATION.requests((uri) -> uri.equals("/v3/api-docs")).size()
				+ TestBackends.LODGING.requests((uri) -> uri.equals("/v3/api-docs")).size()
				+ TestBackends.REPORTING.requests((uri) -> uri.equals("/v3/api-docs")).size();
		this.client.get()
			.uri("/v3/api-docs/{service}", service)
			.header(HttpHeaders.AUTHORIZATION, bearer("caller-token-that-must-not-leak"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.info.title")
			.isEqualTo(service);
		StubServer stub = switch (service) {
			case "notification-service" -> TestBackends.NOTIFICATION;
			case "lodging-travel-service" -> TestBackends.LODGING;
			default -> TestBackends.REPORTING;
		};
		StubServer.RecordedRequest last = stub.requests((uri) -> uri.equals("/v3/api-docs"))
			.get(stub.requests((uri) -> uri.equals("/v3/api-docs")).size() - 1);
		String sent = last.headers().getFirst(HttpHeaders.AUTHORIZATION);
		assertThat(sent).startsWith("Bearer ").doesNotContain("caller-token-that-must-not-leak");
		JWTClaimsSet claims = InternalTokens.verify(sent.substring("Bearer ".length()));
		assertThat(claims.getAudience()).containsExactly(service);
		assertThat(claims.getSubject()).isEqualTo(InternalIdentityToken.GATEWAY_SUBJECT);
		assertThat(claims.getClaim(InternalIdentityToken.TYPE_CLAIM)).isEqualTo(InternalIdentityToken.GATEWAY);
		assertThat(claims.getClaim(InternalIdentityToken.ROLE_CLAIM)).isEqualTo(InternalIdentityToken.GATEWAY);
		assertThat(TestBackends.NOTIFICATION.requests((uri) -> uri.equals("/v3/api-docs")).size()
				+ TestBackends.LODGING.requests((uri) -> uri.equals("/v3/api-docs")).size()
				+ TestBackends.REPORTING.requests((uri) -> uri.equals("/v3/api-docs")).size())
			.isEqualTo(before + 1);
	}

	@Test
	void listsTheThreeServicesInSwaggerUi() {
		this.client.get()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.urls[*].name")
			.value((names) -> assertThat(names.toString()).contains("notification-service", "lodging-travel-service",
					"reporting-service"))
			.jsonPath("$.urls[?(@.name == 'reporting-service')].url")
			.isEqualTo("/v3/api-docs/reporting-service");
		this.client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection().expectBody();
	}

	@Test
	void exposesHealthAndPrometheusMetrics() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		this.client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody();
	}

}
