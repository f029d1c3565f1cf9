package com.onsiteatlas.gateway;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks what the routes are built with, for the settings no request-level test can see
 * cheaply: timeouts of 15 s and 120 s, a circuit breaker with a fallback on every service
 * route, and retries only of GETs on connect failures.
 */
class RouteConfigurationIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	private RouteLocator routeLocator;

	@Test
	void givesServiceRoutesTimeoutsCircuitBreakersAndConnectFailureRetries() {
		List<Route> routes = this.routeLocator.getRoutes().collectList().block();
		assertThat(routes).extracting(Route::getId)
			.contains("notification-service", "notification-service-public", "lodging-travel-service",
					"reporting-service", "legacy-backend");
		for (Route route : routes) {
			String service = route.getUri().getHost();
			String filters = route.getFilters().toString();
			if (route.getId().endsWith("-api-docs")) {
				assertThat(route.getMetadata()).containsEntry("atlas-public", true);
				continue;
			}
			boolean downloads = route.getId().equals("reporting-service") || route.getId().equals("legacy-backend");
			assertThat(route.getMetadata()).as(route.getId())
				.containsEntry("response-timeout", downloads ? 120000 : 15000)
				.containsEntry("connect-timeout", 2000);
			assertThat(filters).as(route.getId())
				.contains("methods = list[GET, HEAD, POST, PUT, PATCH, DELETE]", "series = list[[empty]]",
						"statuses = list[[empty]]", "exceptions = list[ConnectException, ConnectTimeoutException]");
			if (route.getUri().getScheme().equals("lb")) {
				assertThat(filters).as(route.getId())
					.contains("name = '" + service + "', fallback = forward:/fallback/" + service);
			}
		}
		assertThat(routes.get(routes.size() - 1).getId()).isEqualTo("legacy-backend");
	}

}
