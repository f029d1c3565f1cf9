package com.onsiteatlas.embedded.legacy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.onsiteatlas.embedded.demo.DemoData;
import com.onsiteatlas.embedded.demo.DemoData.StaffUser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The legacy backend stand-in on the JDK's built-in HTTP server. Responses use ONSITE
 * ATLAS's shapes ({@code {success, data}} or {@code {success:false, message}}).
 *
 * <pre>
 * GET  /api/auth/me     the demo staff user of a valid Bearer token, else 401
 * GET  /api/health      {success:true}
 * POST /api/auth/login  401: login belongs to the real backend
 * *                     404
 * </pre>
 */
public final class LegacyBackend implements AutoCloseable {

	static final String NOT_FOUND = "Not Found (embedded legacy stand-in; set LEGACY_BACKEND_URL to a real ONSITE ATLAS backend)";

	private final HttpServer server;

	private final ExecutorService executor;

	private final MACVerifier verifier;

	private final ObjectMapper json = new ObjectMapper();

	private LegacyBackend(HttpServer server, ExecutorService executor, MACVerifier verifier) {
		this.server = server;
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
		LegacyBackend backend = new LegacyBackend(server, executor, verifier);
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
				send(exchange, 401, failure("Login is handled by the real ONSITE ATLAS backend"));
			}
			else {
				send(exchange, 404, failure(NOT_FOUND));
			}
		}
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
