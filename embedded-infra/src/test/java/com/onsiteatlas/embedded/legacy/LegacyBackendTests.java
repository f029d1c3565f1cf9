package com.onsiteatlas.embedded.legacy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
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

	}

	@Test
	void loginGivesDemoStaffUserATokenLikeOnsiteAtlas() throws Exception {
		HttpResponse<String> response = login(
				"{\"email\":\"Staff@demo.onsite-atlas.test\",\"password\":\"" + DemoData.DEMO_PASSWORD + "\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("success").asBoolean()).isTrue();
		assertThat(body.at("/user/id").asText()).isEqualTo(DemoData.staff("staff").id());
		assertThat(body.at("/user/name").asText()).isEqualTo("Sanjay Staff");
		assertThat(body.at("/user/email").asText()).isEqualTo("staff@demo.onsite-atlas.test");
		assertThat(body.at("/user/role").asText()).isEqualTo("staff");
		assertThat(body.at("/user/isActive").asBoolean()).isTrue();
		SignedJWT token = SignedJWT.parse(body.get("token").asText());
		assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
		assertThat(token.verify(new MACVerifier(TestInfra.JWT_SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
		assertThat(token.getJWTClaimsSet().getClaims().keySet()).containsExactlyInAnyOrder("id", "iat", "exp");
		assertThat(token.getJWTClaimsSet().getClaim("id")).isEqualTo(DemoData.staff("staff").id());
		assertThat(Duration.between(token.getJWTClaimsSet().getIssueTime().toInstant(),
				token.getJWTClaimsSet().getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofHours(24));
		// The token is one the stand-in's own /api/auth/me accepts, as the gateway will
		// ask.
		assertThat(json.readTree(me("Bearer " + body.get("token").asText()).body()).at("/data/role").asText())
			.isEqualTo("staff");
	}

	@Test
	void loginRefusesWrongPasswordUnknownEmailAndGarbage() throws Exception {
		for (String body : List.of("{\"email\":\"admin@demo.onsite-atlas.test\",\"password\":\"wrong\"}",
				"{\"email\":\"nobody@demo.onsite-atlas.test\",\"password\":\"" + DemoData.DEMO_PASSWORD + "\"}", "{}",
				"not json")) {
			HttpResponse<String> response = login(body);

			assertThat(response.statusCode()).as(body).isEqualTo(401);
			JsonNode answer = json.readTree(response.body());
			assertThat(answer.get("success").asBoolean()).isFalse();
			assertThat(answer.get("message").asText()).isEqualTo("Invalid email or password");
			assertThat(answer.has("token")).isFalse();
		}
	}

	private static HttpResponse<String> login(String body) throws Exception {
		return http.send(request("/api/auth/login").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
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
