package com.onsiteatlas.embedded.legacy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.onsiteatlas.embedded.demo.DemoData;
import com.onsiteatlas.embedded.demo.DemoData.StaffUser;
import com.onsiteatlas.embedded.demo.DemoTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The legacy backend stand-in on the JDK's built-in HTTP server. Responses use ONSITE
 * ATLAS's shapes ({@code {success, data}} or {@code {success:false, message}}).
 *
 * <pre>
 * GET  /api/auth/me     the demo staff user of a valid Bearer token, else 401
 * GET  /api/health      {success:true}
 * POST /api/auth/login  {email, password} of a demo staff user (password DemoData.DEMO_PASSWORD):
 *                       {success, token, user}, the token HS256 {id} for 24 h like ONSITE ATLAS's; else 401
 * *                     404
 * </pre>
 */
public final class LegacyBackend implements AutoCloseable {

	static final String NOT_FOUND = "Not Found (embedded legacy stand-in; set LEGACY_BACKEND_URL to a real ONSITE ATLAS backend)";

	private final HttpServer server;

	private final ExecutorService executor;

	private final MACVerifier verifier;

	private final String jwtSecret;

	private final ObjectMapper json = new ObjectMapper();

	private LegacyBackend(HttpServer server, ExecutorService executor, MACVerifier verifier, String jwtSecret) {
		this.server = server;
		this.jwtSecret = jwtSecret;
		this.executor = executor;
		this.verifier = verifier;
	}

	/**
	 * Starts the stand-in.
	 * @param address where to listen
	 * @param jwtSecret the HS256 secret ONSITE ATLAS signs tokens with
	 * @return the running server
	 * @throws IOException when the port cannot be bound
	 */
	public static LegacyBackend start(InetSocketAddress address, String jwtSecret) throws IOException {
		MACVerifier verifier;
		try {
			verifier = new MACVerifier(jwtSecret.getBytes(StandardCharsets.UTF_8));
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("JWT_SECRET must be at least 32 bytes for HS256", ex);
		}
		HttpServer server = HttpServer.create(address, 0);
		ExecutorService executor = Executors.newFixedThreadPool(4, (runnable) -> {
			Thread thread = new Thread(runnable, "legacy-stand-in");
			thread.setDaemon(true);
			return thread;
		});
		LegacyBackend backend = new LegacyBackend(server, executor, verifier, jwtSecret);
		server.createContext("/", backend::handle);
		server.setExecutor(executor);
		server.start();
		return backend;
	}

	public String url() {
		return "http://" + this.server.getAddress().getHostString() + ":" + this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getPath().replaceAll("/+$", "");
			if (method.equals("GET") && path.equals("/api/auth/me")) {
				me(exchange);
			}
			else if (method.equals("GET") && path.equals("/api/health")) {
				send(exchange, 200, Map.of("success", true));
			}
			else if (method.equals("POST") && path.equals("/api/auth/login")) {
				login(exchange);
			}
			else {
				send(exchange, 404, failure(NOT_FOUND));
			}
		}
	}

	/**
	 * ONSITE ATLAS's {@code POST /api/auth/login}: the demo staff user whose email and
	 * password match gets a token like the real backend's ({@code {id}}, HS256, 24 h).
	 */
	private void login(HttpExchange exchange) throws IOException {
		Optional<StaffUser> user = Optional.empty();
		try {
			JsonNode body = this.json.readTree(exchange.getRequestBody());
			String email = (body != null) ? body.path("email").asText("") : "";
			String password = (body != null) ? body.path("password").asText("") : "";
			if (DemoData.DEMO_PASSWORD.equals(password)) {
				user = DemoData.findStaffByEmail(email);
			}
		}
		catch (IOException ex) {
			// Not JSON: the same answer as a wrong password.
		}
		if (user.isEmpty()) {
			send(exchange, 401, failure("Invalid email or password"));
			return;
		}
		Map<String, Object> profile = new LinkedHashMap<>();
		profile.put("id", user.get().id());
		profile.put("name", user.get().name());
		profile.put("email", user.get().email());
		profile.put("role", user.get().role());
		profile.put("isActive", true);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("success", true);
		body.put("token", DemoTokens.staff(this.jwtSecret, user.get().id(), Instant.now()));
		body.put("user", profile);
		send(exchange, 200, body);
	}

	private void me(HttpExchange exchange) throws IOException {
		Optional<StaffUser> user = authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
		if (user.isEmpty()) {
			send(exchange, 401, failure("Not authorized, token invalid"));
			return;
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("_id", user.get().id());
		data.put("id", user.get().id());
		data.put("name", user.get().name());
		data.put("email", user.get().email());
		data.put("role", user.get().role());
		data.put("isActive", true);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("success", true);
		body.put("data", data);
		send(exchange, 200, body);
	}

	/**
	 * Accepts an unexpired HS256 token signed with the secret whose {@code id} is a demo
	 * staff user, like ONSITE ATLAS's {@code protect} middleware does with its user
	 * collection.
	 */
	Optional<StaffUser> authenticate(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Optional.empty();
		}
		try {
			SignedJWT jwt = SignedJWT.parse(authorization.substring(7).trim());
			if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(this.verifier)) {
				return Optional.empty();
			}
			Date expires = jwt.getJWTClaimsSet().getExpirationTime();
			if (expires != null && expires.before(new Date())) {
				return Optional.empty();
			}
			Object id = jwt.getJWTClaimsSet().getClaim("id");
			return (id instanceof String userId) ? DemoData.findStaff(userId) : Optional.empty();
		}
		catch (ParseException | JOSEException ex) {
			return Optional.empty();
		}
	}

	private static Map<String, Object> failure(String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("success", false);
		body.put("message", message);
		return body;
	}

	private void send(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = this.json.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
