package com.onsiteatlas.support.testing;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every service answers the same way, as JUnit default test methods: a service's
 * application test implements it and names a client bound to the running service and one
 * of its list routes.
 */
public interface ServiceConventionsContract {

	/**
	 * A client bound to the running service.
	 * @return the client
	 */
	WebTestClient serviceClient();

	/**
	 * A paginated list route a staff member may read.
	 * @return the path
	 */
	String staffListPath();

	@Test
	default void isHealthyWithItsStores() {
		serviceClient().get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	default void refusesCallsThatBypassTheGateway() {
		serviceClient().get().uri(staffListPath()).exchange().expectStatus().isUnauthorized();
		serviceClient().get()
			.uri(staffListPath())
			.header("X-User-Role", "admin")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	default void answersAnAuthenticatedStaffRequestWithAPage() {
		serviceClient().get()
			.uri(staffListPath())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + IdentityTokens.staff("staff"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(true)
			.jsonPath("$.meta.pagination.page")
			.isEqualTo(1);
	}

	@Test
	default void servesItsOpenApiDocumentToTheGatewayOnly() {
		serviceClient().get()
			.uri("/v3/api-docs")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + IdentityTokens.gateway())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.openapi")
			.exists();
		serviceClient().get().uri("/v3/api-docs").exchange().expectStatus().isUnauthorized();
		serviceClient().get()
			.uri("/v3/api-docs")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + IdentityTokens.staff("admin"))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	default void letsTheGatewaysOwnIdentityReachNothingButTheApiDocument() {
		serviceClient().get()
			.uri(staffListPath())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + IdentityTokens.gateway())
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	default void keepsItsMetricsForTheScrapersAccount() {
		serviceClient().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
		serviceClient().get()
			.uri("/actuator/prometheus")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + IdentityTokens.staff("admin"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

}
