package com.onsiteatlas.support.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.support.SupportIntegrationTest;
import com.onsiteatlas.support.testing.IdentityTokens;

/**
 * The role annotations are {@code @PreAuthorize} meta-annotations; reactive method
 * security must honour them on a class, on a method, and on a method that replaces the
 * class's. Routes of {@code testapp.RoleCheckController}: the class is {@link StaffOnly},
 * each route but {@code class} carries its own annotation.
 */
class RoleAnnotationsTests extends SupportIntegrationTest {

	@LocalServerPort
	int port;

	WebTestClient client;

	@BeforeEach
	void client() {
		this.client = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@ParameterizedTest(name = "{0} calling {1}: {2}")
	@CsvSource({ "admin, class, 200", "manager, class, 200", "staff, class, 200", "registrant, class, 403",
			"reviewer, class, 403", "sponsor, class, 403", //
			"admin, organisers, 200", "manager, organisers, 200", "staff, organisers, 403",
			"registrant, organisers, 403", "user, organisers, 403", //
			"admin, staff, 200", "manager, staff, 200", "staff, staff, 200", "registrant, staff, 403",
			"reviewer, staff, 403", //
			"admin, staff-or-registrant, 200", "manager, staff-or-registrant, 200", "staff, staff-or-registrant, 200",
			"registrant, staff-or-registrant, 200", "reviewer, staff-or-registrant, 403",
			"sponsor, staff-or-registrant, 403", //
			"registrant, registrant, 200", "admin, registrant, 403", "manager, registrant, 403",
			"staff, registrant, 403" })
	void answersEachRoleAsItsAnnotationSays(String role, String route, int status) {
		this.client.get()
			.uri("/api/role-checks/" + route)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token(role))
			.exchange()
			.expectStatus()
			.isEqualTo(status);
	}

	private static String token(String role) {
		return switch (role) {
			case "registrant" -> IdentityTokens.registrant("65f0a00000000000000000b1", "65f0a00000000000000000e1");
			case "sponsor" ->
				IdentityTokens.of("65f0a00000000000000000c1", "sponsor", "sponsor", "65f0a00000000000000000e1");
			default -> IdentityTokens.staff(role);
		};
	}

}
