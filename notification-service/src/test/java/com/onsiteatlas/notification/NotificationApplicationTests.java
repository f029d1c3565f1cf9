package com.onsiteatlas.notification;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import com.onsiteatlas.support.testing.IdentityTokens;

class NotificationApplicationTests extends NotificationIntegrationTest {

	@Test
	void isHealthyWithItsStores() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void refusesCallsThatBypassTheGateway() {
		this.client.get()
			.uri("/api/events/65f0a0000000000000000001/notification-templates")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.client.get()
			.uri("/api/events/65f0a0000000000000000001/notification-templates")
			.header("X-User-Role", "admin")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void answersAnAuthenticatedStaffRequestWithAPage() {
		this.client.get()
			.uri("/api/events/65f0a0000000000000000001/notification-templates")
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
	void servesItsOpenApiDocument() {
		this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.openapi")
			.exists();
	}

}
