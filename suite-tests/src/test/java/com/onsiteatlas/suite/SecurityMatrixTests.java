package com.onsiteatlas.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-route security matrix: every route of every service, as the gateway's OpenAPI
 * documents list it, called through the gateway by every kind of caller, against the
 * expected status written in {@code docs/security.md} (parsed by
 * {@link SecurityMatrixDoc}, so the document and the test cannot drift). A route in the
 * OpenAPI documents without a row in the document, or a row for a route that no longer
 * exists, fails the test. Ids in paths are real records of conference A; "B's id" puts a
 * record of conference B under A's path. The observed matrix is written to
 * {@code suite-tests/target/security-matrix-observed.md}.
 */
@Order(2)
class SecurityMatrixTests {

	static final String REVIEWER_ID = "65f0a00000000000000000a4";

	static final String USER_ID = "65f0a00000000000000000a5";

	static final Path SECURITY_MD = root().resolve("docs/security.md");

	static ClientAddressHttp http;

	static SuiteFixtures a;

	static SuiteFixtures b;

	static SuiteRoutes routes;

	/** Callers, in the order of the document's columns. */
	enum Caller {

		NONE("none"), EXPIRED("expired"), BAD_SIGNATURE("bad sig"), ALG_NONE("alg none"), HS512("HS512"),
		WRONG_TYPE("wrong type"), ADMIN("admin"), MANAGER("manager"), STAFF("staff"), REVIEWER("reviewer"),
		USER("user"), OWN_REGISTRANT("own reg"), OWN_REGISTRANT_NO_EVENT("own reg, no event"),
		OTHER_REGISTRANT("other reg"), OTHER_EVENT_REGISTRANT("B reg"), SPONSOR("sponsor"), CLIENT("client"),
		AUTHOR("author"), OTHER_EVENT_ID("B id");

		final String column;

		Caller(String column) {
			this.column = column;
		}

		String token(String owner) {
			return switch (this) {
				case NONE -> null;
				case EXPIRED -> Tokens.expired();
				case BAD_SIGNATURE -> Tokens.wrongSecret();
				case ALG_NONE -> Tokens.algNone();
				case HS512 -> Tokens.hs512();
				// A registration's id as a staff token: no such ONSITE ATLAS user.
				case WRONG_TYPE -> Tokens.staff(owner);
				case ADMIN, OTHER_EVENT_ID -> Tokens.staff(Tokens.ADMIN_ID);
				case MANAGER -> Tokens.staff(Tokens.MANAGER_ID);
				case STAFF -> Tokens.staff(Tokens.STAFF_ID);
				case REVIEWER -> Tokens.staff(REVIEWER_ID);
				case USER -> Tokens.staff(USER_ID);
				case OWN_REGISTRANT -> Tokens.registrant(owner, a.eventId);
				// The registrant portal's own shape, without eventId: the services
				// take the conference from their read model of the registration.
				case OWN_REGISTRANT_NO_EVENT -> Tokens.registrantPortal(owner);
				case OTHER_REGISTRANT -> Tokens.registrant(a.other, a.eventId);
				case OTHER_EVENT_REGISTRANT -> Tokens.registrant(b.owner, b.eventId);
				case SPONSOR -> Tokens.withClaims(Map.of("id", Platform.newObjectId(), "eventId", a.eventId,
						"sponsorId", "SPN-MATRIX-001", "type", "sponsor"));
				case CLIENT -> Tokens.withClaims(Map.of("id", Platform.newObjectId(), "type", "client", "event",
						a.eventId, "clientId", "OC-MATRIX-001", "name", "Matrix client"));
				case AUTHOR ->
					Tokens.withClaims(Map.of("id", Platform.newObjectId(), "role", "author", "event", a.eventId));
			};
		}

	}

	@BeforeAll
	static void createFixtures() {
		SuiteHarness.get();
		http = new ClientAddressHttp(21);
		// Pools: POST travel-info takes one registration per cell, DELETE travel-info,
		// DELETE and PATCH status of bookings one each.
		a = new SuiteFixtures(http, 4 * Caller.values().length + 4);
		b = new SuiteFixtures(http, 12);
		routes = new SuiteRoutes(http, a, b);
	}

	@Test
	void everyRouteAnswersEveryCallerAsDocumented() throws IOException {
		SecurityMatrixDoc doc = SecurityMatrixDoc.read(SECURITY_MD);
		Map<String, Set<String>> documented = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		StringBuilder observed = new StringBuilder();
		int cells = 0;
		for (String service : SuiteHarness.SERVICES) {
			Set<String> openApi = openApiRoutes(http, service);
			Map<String, Map<String, Integer>> rows = doc.services.getOrDefault(service, Map.of());
			for (String route : openApi) {
				if (!rows.containsKey(route)) {
					problems.add("docs/security.md has no row for " + service + " " + route);
				}
				if (!routes.routes.containsKey(route)) {
					problems.add("SecurityMatrixTests has no request for " + route);
				}
			}
			for (String route : rows.keySet()) {
				if (!openApi.contains(route)) {
					problems.add("docs/security.md lists " + route + ", which " + service + " does not document");
				}
			}
			documented.put(service, openApi);
			observed.append("\n<!-- matrix:").append(service).append(" -->\n\n| Route |");
			for (Caller caller : Caller.values()) {
				observed.append(' ').append(caller.column).append(" |");
			}
			observed.append("\n|---|").append("---|".repeat(Caller.values().length)).append('\n');
			for (String route : new TreeSet<>(openApi)) {
				observed.append("| `").append(route).append("` |");
				Map<String, Integer> expected = rows.getOrDefault(route, Map.of());
				for (Caller caller : Caller.values()) {
					Integer want = expected.get(caller.column);
					if (want == null && rows.containsKey(route) && caller != Caller.OTHER_EVENT_ID) {
						problems.add(route + ": no expectation for " + caller.column);
					}
					boolean appliesToOtherEvent = route.matches(".*\\{(id|registrationId)\\}.*")
							&& route.startsWith("/api/events/", route.indexOf(' ') + 1);
					if ((caller == Caller.OTHER_EVENT_ID && !appliesToOtherEvent)
							|| !routes.routes.containsKey(route)) {
						observed.append(" - |");
						continue;
					}
					ClientAddressHttp.Reply reply = call(route, caller);
					cells++;
					observed.append(' ').append(reply.status()).append(" |");
					String where = route + " as " + caller.column;
					if (want == null || reply.status() != want) {
						problems
							.add(where + ": expected " + want + ", got " + reply.status() + " " + abbreviate(reply));
					}
					if (reply.status() >= 400) {
						JsonNode body = reply.json();
						if (!body.path("message").isTextual() || body.path("success").asBoolean(true)) {
							problems.add(where + ": error without {success:false, message}: " + abbreviate(reply));
						}
					}
				}
				observed.append('\n');
			}
		}
		Path out = root().resolve("suite-tests/target/security-matrix-observed.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, "Observed: " + cells + " cells\n" + observed);
		assertThat(documented.values().stream().mapToInt(Set::size).sum()).as("routes in the OpenAPI documents")
			.isGreaterThanOrEqualTo(80);
		assertThat(problems).as("cells that differ from docs/security.md (observed matrix in " + out + ")").isEmpty();
	}

	/**
	 * The other side of the public rows: callbacks signed with the conference's own
	 * secrets are accepted, and changing one byte of a signed body makes them forged.
	 */
	@Test
	void publicCallbacksSignedWithTheConferencesSecretsAreAccepted() throws Exception {
		String eventId = Platform.newObjectId();
		String appSecret = "matrix-app-secret-" + UUID.randomUUID();
		ClientAddressHttp.Reply configured = http.json("PUT", "/api/events/" + eventId + "/notification-config",
				SuiteFixtures.ADMIN, Map.of("whatsapp", Map.of("provider", "cloud-api", "webhookVerifyToken",
						"matrix-verify-token", "appSecret", appSecret)));
		assertThat(configured.status()).as(configured.text()).isEqualTo(200);
		String handshake = "/api/notifications/webhooks/whatsapp/" + eventId + "?hub.mode=subscribe&hub.challenge=4242";
		ClientAddressHttp.Reply accepted = http.json("GET", handshake + "&hub.verify_token=matrix-verify-token", null,
				null);
		assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
		assertThat(accepted.text()).isEqualTo("4242");
		assertThat(http.json("GET", handshake + "&hub.verify_token=other", null, null).status()).isEqualTo(403);

		byte[] body = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String signature = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
		String webhook = "/api/notifications/webhooks/whatsapp/" + eventId;
		Map<String, String> headers = Map.of("Content-Type", "application/json", "X-Hub-Signature-256", signature);
		assertThat(http.send("POST", webhook, headers, body).status()).isEqualTo(200);
		byte[] tampered = body.clone();
		tampered[tampered.length - 3] = '1';
		assertThat(http.send("POST", webhook, headers, tampered).status()).isEqualTo(403);
	}

	static ClientAddressHttp.Reply call(String route, Caller caller) {
		SuiteFixtures fixtures = (caller == Caller.OTHER_EVENT_ID) ? b : a;
		SuiteRoutes.Req req = routes.request(route, fixtures);
		Map<String, String> headers = new LinkedHashMap<>(req.headers());
		String token = caller.token(req.owner());
		if (token != null) {
			headers.put("Authorization", "Bearer " + token);
		}
		return http.send(req.method(), req.path(), headers, req.body());
	}

	static Set<String> openApiRoutes(ClientAddressHttp http, String service) {
		JsonNode docs = http.json("GET", "/v3/api-docs/" + service, null, null).json();
		Set<String> routes = new LinkedHashSet<>();
		Iterator<Map.Entry<String, JsonNode>> paths = docs.get("paths").fields();
		while (paths.hasNext()) {
			Map.Entry<String, JsonNode> path = paths.next();
			path.getValue()
				.fieldNames()
				.forEachRemaining((method) -> routes.add(method.toUpperCase() + " " + path.getKey()));
		}
		return routes;
	}

	static String abbreviate(ClientAddressHttp.Reply reply) {
		String text = reply.text();
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

	static Path root() {
		Path current = Path.of("").toAbsolutePath();
		while (current != null && !Files.isRegularFile(current.resolve("docker-compose.yml"))) {
			current = current.getParent();
		}
		return current;
	}

}
