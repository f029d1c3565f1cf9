package com.onsiteatlas.gateway;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replica that died before discovery dropped it: notification-service has its live stub
 * and a second instance whose port refuses connections. Round robin sends every other
 * first attempt to the dead one; the request never left the gateway, so whatever its
 * method it is retried on the live instance, with its body, exactly once upstream. Its
 * own context, so that no other test meets the dead instance.
 */
class DeadInstanceRetryIntegrationTests extends GatewayIntegrationTest {

	@DynamicPropertySource
	static void deadSecondInstance(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.notification-service[1].uri",
				TestBackends::deadInstanceUrl);
	}

	@Test
	void retriesEveryMethodOnTheLiveInstanceWhenAnotherRefusesConnections() {
		String admin = bearer(TestTokens.knownStaff(TestTokens.newId(), "admin"));
		for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE,
				HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE)) {
			String marker = TestTokens.newId();
			String body = "{\"name\":\"Welcome " + marker + "\"}";
			HttpMethod sent = method;
			(method.equals(HttpMethod.GET)
					? this.client.get()
						.uri("/api/events/{id}/notification-templates", marker)
						.header(HttpHeaders.AUTHORIZATION, admin)
					: this.client.method(method)
						.uri("/api/events/{id}/notification-templates", marker)
						.header(HttpHeaders.AUTHORIZATION, admin)
						.contentType(MediaType.APPLICATION_JSON)
						.bodyValue(body))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.data.service")
				.isEqualTo("notification-service");
			StubServer.RecordedRequest received = TestBackends.NOTIFICATION.onlyRequestContaining(marker);
			assertThat(received.method()).isEqualTo(sent.name());
			if (!method.equals(HttpMethod.GET)) {
				assertThat(received.body()).isEqualTo(body);
			}
		}
	}

}
