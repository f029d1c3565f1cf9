package com.onsiteatlas.gateway.auth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceAccessPolicyTests {

	private final ServiceAccessPolicy policy = new ServiceAccessPolicy();

	@ParameterizedTest(name = "{0} on {1}: {2}")
	@CsvSource({ "admin, notification-service, true", "manager, notification-service, true",
			"staff, notification-service, true", "reviewer, notification-service, false",
			"user, notification-service, false", "registrant, notification-service, false",
			"sponsor, notification-service, false", "client, notification-service, false",
			"author, notification-service, false", "admin, lodging-travel-service, true",
			"registrant, lodging-travel-service, true", "reviewer, lodging-travel-service, false",
			"sponsor, lodging-travel-service, false", "client, lodging-travel-service, false",
			"author, lodging-travel-service, false", "staff, reporting-service, true",
			"registrant, reporting-service, false", "client, reporting-service, false",
			"admin, unknown-service, false" })
	void appliesTheDocumentedRolePolicy(String role, String service, boolean allowed) {
		assertThat(this.policy.allows(service, role)).isEqualTo(allowed);
	}

	@ParameterizedTest
	@CsvSource({ "notification-service", "lodging-travel-service", "reporting-service" })
	void refusesCallersWithoutRole(String service) {
		assertThat(this.policy.allows(service, null)).isFalse();
	}

}
