package com.onsiteatlas.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onsiteatlas.gateway.StubServer.RecordedRequest;
import com.onsiteatlas.gateway.StubServer.StubResponse;

/**
 * The stub backends, started once per JVM and shared by every integration test: the three
 * services and the legacy ONSITE ATLAS backend. Tests tell their requests apart by unique
 * ids in the path.
 */
final class TestBackends {

	static final String CLIENT_ORIGIN = "http://localhost:5173";

	static final StubServer NOTIFICATION = StubServer.start("notification-service",
			(request) -> service("notification-service", request));

	static final StubServer LODGING = StubServer.start("lodging-travel-service",
			(request) -> service("lodging-travel-service", request));

	static final StubServer REPORTING = StubServer.start("reporting-service",
			(request) -> service("reporting-service", request));

	static final StubServer LEGACY = StubServer.start("legacy-backend", TestBackends::legacy);

	/** A port nothing listens on: bound once to find it, then closed. */
	private static final int DEAD_PORT = closedPort();

	/**
	 * What the legacy {@code /api/auth/me} answers, by the token's {@code id}; unknown
	 * ids get 401.
	 */
	static final Map<String, StubResponse> LEGACY_USERS = new ConcurrentHashMap<>();

	private static final ObjectMapper JSON = new ObjectMapper();

	private TestBackends() {
	}

	/**
	 * Makes the legacy backend know a staff user.
	 * @param userId the id in the token
	 * @param role the user's role
	 */
	static void legacyUser(String userId, String role) {
		LEGACY_USERS.put(userId,
				StubResponse.json(200,
						"""
								{"success":true,"data":{"_id":"%s","id":"%s","name":"Dana Demo","email":"dana@example.test","role":"%s","isActive":true}}"""
							.formatted(userId, userId, role)));
	}

	/**
	 * The address of a service instance that has died: connections to it are refused.
	 * @return the base URL
	 */
	static String deadInstanceUrl() {
		return "http://127.0.0.1:" + DEAD_PORT;
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static StubResponse service(String name, RecordedRequest request) {
		if (request.uri().startsWith("/v3/api-docs")) {
			return StubResponse.json(200, """
					{"openapi":"3.0.1","info":{"title":"%s","version":"1"},"paths":{}}""".formatted(name));
		}
		if (request.uri().contains("slow-1500ms")) {
			return StubResponse.json(200, "{\"success\":true}").delayedBy(Duration.ofMillis(1500));
		}
		if (request.uri().contains("fail-500")) {
			return StubResponse.json(500, "{\"success\":false,\"message\":\"boom\"}");
		}
		return StubResponse.json(200, "{\"success\":true,\"data\":{\"service\":\"" + name + "\"}}")
			.withHeader("X-Served-By", name);
	}

	private static StubResponse legacy(RecordedRequest request) {
		String path = request.uri().contains("?") ? request.uri().substring(0, request.uri().indexOf('?'))
				: request.uri();
		if (path.equals("/api/auth/me")) {
			String id = tokenId(request.bearerToken());
			StubResponse known = (id != null) ? LEGACY_USERS.get(id) : null;
			return (known != null) ? known
					: StubResponse.json(401, "{\"success\":false,\"message\":\"Not authorized, token invalid\"}");
		}
		return StubResponse.json(200, "{\"success\":true,\"data\":{\"legacy\":true}}")
			.withHeader("Access-Control-Allow-Origin", CLIENT_ORIGIN)
			.withHeader("Access-Control-Allow-Credentials", "true");
	}

	private static String tokenId(String token) {
		if (token == null || token.split("\\.").length < 2) {
			return null;
		}
		try {
			byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
			JsonNode claims = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
			return claims.path("id").asText(null);
		}
		catch (Exception ex) {
			return null;
		}
	}

}
