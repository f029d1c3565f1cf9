package com.onsiteatlas.suite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform as the frontend meets it: every service answers through the gateway, and
 * every token shape gets the documented 200, 401 or 403 (docs/gateway.md).
 */
@Order(1)
class PlatformSmokeTests {

	static final ObjectMapper JSON = new ObjectMapper();

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static SuiteHarness suite;

	static final String NOTIFICATION = "/api/events/" + Tokens.EVENT_ID + "/notification-templates";

	static final String LODGING = "/api/events/" + Tokens.EVENT_ID + "/hotels";

	static final String REPORTING = "/api/export/configs";

	@BeforeAll
	static void startSuite() {
		suite = SuiteHarness.get();
	}

	static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void everyServiceAnswersAnAuthenticatedRequestThroughTheGateway() throws Exception {
		for (String path : List.of(NOTIFICATION, LODGING, REPORTING)) {
			HttpResponse<String> response = get(suite.gateway() + path, Tokens.staff(Tokens.ADMIN_ID));
			assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
			JsonNode body = JSON.readTree(response.body());
			assertThat(body.get("success").asBoolean()).isTrue();
			assertThat(response.headers().firstValue("X-Correlation-Id")).isPresent();
		}
	}

	static Stream<Arguments> tokenMatrix() {
		return Stream.of(Arguments.of("no token", null, 401, 401, 401),
				Arguments.of("garbage", "not-a-jwt", 401, 401, 401),
				Arguments.of("expired staff", Tokens.expired(), 401, 401, 401),
				Arguments.of("wrong signature", Tokens.wrongSecret(), 401, 401, 401),
				Arguments.of("alg none", Tokens.algNone(), 401, 401, 401),
				Arguments.of("HS512", Tokens.hs512(), 401, 401, 401),
				Arguments.of("unknown staff user (legacy says no)", Tokens.staff("65f0a00000000000000000ff"), 401, 401,
						401),
				Arguments.of("admin, role from legacy", Tokens.staff(Tokens.ADMIN_ID), 200, 200, 200),
				Arguments.of("manager, role from legacy", Tokens.staff(Tokens.MANAGER_ID), 200, 200, 200),
				Arguments.of("staff, role from legacy", Tokens.staff(Tokens.STAFF_ID), 200, 200, 200),
				Arguments.of("reviewer, role from legacy", Tokens.staff(Tokens.REVIEWER_ID), 403, 403, 403),
				Arguments.of("reviewer claiming admin (claim ignored)",
						Tokens.staffWithRole(Tokens.REVIEWER_ID, "admin"), 403, 403, 403),
				Arguments.of("unknown user claiming admin (claim ignored)",
						Tokens.staffWithRole("65f0a00000000000000000fe", "admin"), 401, 401, 401),
				Arguments.of("registrant", Tokens.registrant("65f0a0000000000000000101", Tokens.EVENT_ID), 403, 200,
						403),
				Arguments.of("sponsor", Tokens.sponsor(), 403, 403, 403),
				Arguments.of("client", Tokens.client(), 403, 403, 403),
				Arguments.of("author", Tokens.author(), 403, 403, 403));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tokenMatrix")
	void tokenShapesGetTheDocumentedAnswer(String shape, String token, int notification, int lodging, int reporting)
			throws Exception {
		int[] expected = { notification, lodging, reporting };
		String[] paths = { NOTIFICATION, LODGING, REPORTING };
		for (int i = 0; i < paths.length; i++) {
			HttpResponse<String> response = get(suite.gateway() + paths[i], token);
			assertThat(response.statusCode()).as(shape + " on " + paths[i] + ": " + response.body())
				.isEqualTo(expected[i]);
			if (response.statusCode() != 200) {
				JsonNode body = JSON.readTree(response.body());
				assertThat(body.get("success").asBoolean()).isFalse();
				assertThat(body.get("message").asText()).isNotBlank();
			}
		}
	}

	@Test
	void directCallsToServicePortsWithoutGatewayIdentityAreRefused() throws Exception {
		String[] paths = { NOTIFICATION, LODGING, REPORTING };
		for (int i = 0; i < SuiteHarness.SERVICES.size(); i++) {
			String url = suite.service(SuiteHarness.SERVICES.get(i)) + paths[i];
			assertThat(get(url, Tokens.staff(Tokens.ADMIN_ID)).statusCode()).as(url).isEqualTo(401);
			assertThat(get(url, null).statusCode()).as(url).isEqualTo(401);
		}
	}

	@Test
	void theRegistryRefusesARogueInstanceAndAnonymousReads() throws Exception {
		String registry = suite.service("registry-service");
		String rogue = """
				{"instance":{"instanceId":"rogue-1","hostName":"127.0.0.1","app":"LODGING-TRAVEL-SERVICE",
				"ipAddr":"127.0.0.1","status":"UP","port":{"$":9,"@enabled":"true"},
				"dataCenterInfo":{"@class":"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo","name":"MyOwn"}}}""";
		HttpResponse<String> registered = HTTP
			.send(HttpRequest.newBuilder(URI.create(registry + "/eureka/apps/LODGING-TRAVEL-SERVICE"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(rogue))
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(registered.statusCode()).isEqualTo(401);
		assertThat(get(registry + "/eureka/apps", null).statusCode()).isEqualTo(401);
		assertThat(get(registry + "/actuator/health", null).statusCode()).isEqualTo(200);
	}

	@Test
	void otherApiPathsReachTheOnsiteAtlasBackend() throws Exception {
		HttpResponse<String> response = get(suite.gateway() + "/api/health", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).get("success").asBoolean()).isTrue();
	}

	@Test
	void swaggerUiListsEveryService() throws Exception {
		for (String service : SuiteHarness.SERVICES) {
			HttpResponse<String> docs = get(suite.gateway() + "/v3/api-docs/" + service, null);
			assertThat(docs.statusCode()).as(service).isEqualTo(200);
			assertThat(JSON.readTree(docs.body()).get("openapi")).isNotNull();
		}
	}

}
