package com.onsiteatlas.embedded.legacy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onsiteatlas.embedded.EmbeddedInfra;
import com.onsiteatlas.embedded.TestInfra;
import com.onsiteatlas.embedded.demo.DemoData;
import com.onsiteatlas.embedded.demo.DemoTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LegacyBackendTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final ObjectMapper json = new ObjectMapper();

	private static EmbeddedInfra infra;

	@BeforeAll
	static void startInfra() {
		infra = TestInfra.get();
	}

	@Test
	void meReturnsAdminRoleForDemoAdminToken() throws Exception {
		String token = DemoTokens.staff(TestInfra.JWT_SECRET, DemoData.staff("admin").id(), Instant.now());

		HttpResponse<String> response = me("Bearer " + token);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("success").asBoolean()).isTrue();
		assertThat(body.at("/data/_id").asText()).isEqualTo("65f0a00000000000000000a1");
		assertThat(body.at("/data/id").asText()).isEqualTo("65f0a00000000000000000a1");
		assertThat(body.at("/data/role").asText()).isEqualTo("admin");
		assertThat(body.at("/data/isActive").asBoolean()).isTrue();
	}

	@Test
	void meReturnsManagerRoleForDemoManagerToken() throws Exception {
		String token = DemoTokens.staff(TestInfra.JWT_SECRET, DemoData.staff("manager").id(), Instant.now());

		assertThat(json.readTree(me("Bearer " + token).body()).at("/data/role").asText()).isEqualTo("manager");
	}

	@Test
	void meReturnsTheRolesTheServicesRefuseForTheirDemoUsers() throws Exception {
		for (String role : List.of("reviewer", "user")) {
			String token = DemoTokens.staff(TestInfra.JWT_SECRET, DemoData.staff(role).id(), Instant.now());

			assertThat(json.readTree(me("Bearer " + token).body()).at("/data/role").asText()).isEqualTo(role);
		}
	}

	@Test
	void meRejectsTokenSignedWithAnotherSecret() throws Exception {
		String token = DemoTokens.staff("another-secret-that-is-long-enough-0123456789", DemoData.staff("admin").id(),
				Instant.now());

		HttpResponse<String> response = me("Bearer " + token);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(json.readTree(response.body()).get("message").asText()).isEqualTo("Not authorized, token invalid");
	}

	@Test
	void meRejectsExpiredToken() throws Exception {
		String token = DemoTokens.staff(TestInfra.JWT_SECRET, DemoData.staff("admin").id(),
				Instant.now().minus(DemoTokens.VALIDITY).minusSeconds(60));

		assertThat(me("Bearer " + token).statusCode()).isEqualTo(401);
	}

	@Test
	void meRejectsMalformedOrMissingTokens() throws Exception {
		assertThat(me("Bearer not-a-jwt").statusCode()).isEqualTo(401);
		assertThat(me(null).statusCode()).isEqualTo(401);
	}

	@Test
	void meRejectsRegistrantToken() throws Exception {
		String token = DemoTokens.registrant(TestInfra.JWT_SECRET, DemoData.REGISTRANT_REGISTRATION_ID,
				DemoData.EVENT_ID, Instant.now());

		assertThat(me("Bearer " + token).statusCode()).isEqualTo(401);
	}

	@Test
	void answersHealthAndExplainsEverythingElseIsNotHere() throws Exception {
		HttpResponse<String> health = http.send(request("/api/health").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(json.readTree(health.body()).get("success").asBoolean()).isTrue();

		HttpResponse<String> other = http.send(request("/api/events").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(json.readTree(other.body()).get("message").asText()).contains("LEGACY_BACKEND_URL");

		HttpResponse<String> login = http.send(
				request("/api/auth/login").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(401);
		assertThat(json.readTree(login.body()).get("success").asBoolean()).isFalse();
	}

	private static HttpResponse<String> me(String authorization) throws Exception {
		HttpRequest.Builder request = request("/api/auth/me");
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(infra.legacyUrl() + path));
	}

}
