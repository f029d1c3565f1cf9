package com.onsiteatlas.reporting.delivery;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

/**
 * A WireMock stand-in for the OAuth token endpoints and upload APIs of Google Drive and
 * Dropbox, with their rules: the refresh grant needs {@code grant_type=refresh_token},
 * the client's id and secret and the refresh token it was given; access tokens expire
 * after {@link #lifetimeSeconds} on the shared clock (or at once when
 * {@link #expireTokens()} is called) and are then refused with 401; a resumable Drive
 * upload takes chunks in multiples of 256 KiB at the offset it expects; a Dropbox upload
 * session takes appends at the offset it has. Every file it receives is kept,
 * reassembled, under its name or path. Errors carry a body the client must never pass on
 * ({@link #REMOTE_TEXT}).
 */
class ProviderStandIn implements ResponseDefinitionTransformerV2 {

	static final String REMOTE_TEXT = "remote-words-never-shown";

	static final String GOOGLE_TOKEN_PATH = "/google/token";

	static final String DROPBOX_TOKEN_PATH = "/dropbox/oauth2/token";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

	private final Clock clock;

	volatile String clientId = "atlas-client";

	volatile String clientSecret = "atlas-client-secret";

	volatile String refreshToken = "refresh-1";

	volatile long lifetimeSeconds = 3600;

	/** Persist only this many bytes of the next Drive chunk (then reset), if positive. */
	volatile long keepOnlyOfNextChunk;

	/** Expire every token once this many upload chunks were received, if positive. */
	volatile int expireTokensAfterChunks;

	/**
	 * Answer resumable sessions on this base URL instead of the stand-in's own, if set.
	 */
	volatile String sessionBaseUrl;

	/** Refuse every bearer token, fresh or not. */
	volatile boolean refuseAllTokens;

	final AtomicInteger tokenRequests = new AtomicInteger();

	final AtomicInteger refusedCalls = new AtomicInteger();

	/** The rules a request broke, in order. */
	final List<String> refusals = Collections.synchronizedList(new ArrayList<>());

	final List<String> bearersSeen = Collections.synchronizedList(new ArrayList<>());

	final List<String> driveRanges = Collections.synchronizedList(new ArrayList<>());

	final List<String> dropboxCalls = Collections.synchronizedList(new ArrayList<>());

	final Map<String, byte[]> files = Collections.synchronizedMap(new LinkedHashMap<>());

	private final Map<String, Instant> tokens = new HashMap<>();

	private final Map<String, Session> sessions = new HashMap<>();

	private int chunks;

	private int issued;

	ProviderStandIn(Clock clock) {
		this.clock = clock;
	}

	@Override
	public String getName() {
		return "provider-stand-in";
	}

	synchronized void reset() {
		this.tokens.clear();
		this.sessions.clear();
		this.chunks = 0;
		this.issued = 0;
		this.clientId = "atlas-client";
		this.clientSecret = "atlas-client-secret";
		this.refreshToken = "refresh-1";
		this.lifetimeSeconds = 3600;
		this.keepOnlyOfNextChunk = 0;
		this.expireTokensAfterChunks = 0;
		this.refuseAllTokens = false;
		this.sessionBaseUrl = null;
		this.tokenRequests.set(0);
		this.refusedCalls.set(0);
		this.bearersSeen.clear();
		this.refusals.clear();
		this.driveRanges.clear();
		this.dropboxCalls.clear();
		this.files.clear();
	}

	/** Every token issued so far expires now. */
	synchronized void expireTokens() {
		this.tokens.replaceAll((token, until) -> Instant.MIN);
	}

	@Override
	public synchronized ResponseDefinition transform(ServeEvent event) {
		Request request = event.getRequest();
		String path = request.getUrl().replaceAll("\\?.*", "");
		try {
			if (path.equals(GOOGLE_TOKEN_PATH) || path.equals(DROPBOX_TOKEN_PATH)) {
				return token(request);
			}
			String bearer = request.getHeader("Authorization");
			this.bearersSeen.add(bearer);
			Instant until = (bearer != null && bearer.startsWith("Bearer ")) ? this.tokens.get(bearer.substring(7))
					: null;
			if (this.refuseAllTokens || until == null || !this.clock.instant().isBefore(until)) {
				this.refusedCalls.incrementAndGet();
				return answer(401, "{\"error\":\"invalid_token\",\"message\":\"" + REMOTE_TEXT + "\"}");
			}
			if (path.equals("/upload/drive/v3/files")) {
				return drive(request);
			}
			if (path.startsWith("/2/files/")) {
				return dropbox(path, request);
			}
			return answer(404, "{}");
		}
		catch (StandInRefusal ex) {
			this.refusals.add(ex.getMessage());
			return answer(400, "{\"error\":\"" + ex.getMessage() + "\",\"detail\":\"" + REMOTE_TEXT + "\"}");
		}
	}

	private ResponseDefinition token(Request request) {
		this.tokenRequests.incrementAndGet();
		check("POST".equals(request.getMethod().getName()), "token endpoint takes POST");
		check(request.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"),
				"token endpoint takes a form");
		Map<String, String> form = form(request.getBodyAsString());
		check("refresh_token".equals(form.get("grant_type")), "unsupported_grant_type");
		if (!this.clientId.equals(form.get("client_id")) || !this.clientSecret.equals(form.get("client_secret"))) {
			return answer(401, "{\"error\":\"invalid_client\",\"error_description\":\"" + REMOTE_TEXT + "\"}");
		}
		if (!this.refreshToken.equals(form.get("refresh_token"))) {
			return answer(400, "{\"error\":\"invalid_grant\",\"error_description\":\"" + REMOTE_TEXT + "\"}");
		}
		String token = "access-" + (++this.issued);
		this.tokens.put(token, this.clock.instant().plusSeconds(this.lifetimeSeconds));
		return answer(200, "{\"access_token\":\"" + token + "\",\"expires_in\":" + this.lifetimeSeconds
				+ ",\"token_type\":\"bearer\"}");
	}

	private ResponseDefinition drive(Request request) {
		String uploadType = request.queryParameter("uploadType").firstValue();
		if ("multipart".equals(uploadType)) {
			String body = request.getBodyAsString();
			this.files.put("drive:multipart", body.getBytes(StandardCharsets.ISO_8859_1));
			return answer(200, "{\"id\":\"drive-file-1\"}");
		}
		check("resumable".equals(uploadType), "uploadType");
		if ("POST".equals(request.getMethod().getName())) {
			JsonNode metadata = json(request.getBodyAsString());
			check(metadata.hasNonNull("name"), "metadata without name");
			long total = Long.parseLong(request.getHeader("X-Upload-Content-Length"));
			String id = "session-" + (this.sessions.size() + 1);
			this.sessions.put(id, new Session(metadata.get("name").asText(), total));
			String base = (this.sessionBaseUrl != null) ? this.sessionBaseUrl + request.getUrl().replaceAll("\\?.*", "")
					: request.getAbsoluteUrl().replaceAll("\\?.*", "");
			return responseDefinition().withStatus(200)
				.withHeader("Location", base + "?uploadType=resumable&upload_id=" + id)
				.build();
		}
		check("PUT".equals(request.getMethod().getName()), "chunks are PUT");
		Session session = this.sessions.get(request.queryParameter("upload_id").firstValue());
		check(session != null, "unknown upload_id");
		String range = request.getHeader("Content-Range");
		this.driveRanges.add(range);
		Matcher matcher = CONTENT_RANGE.matcher((range != null) ? range : "");
		check(matcher.matches(), "Content-Range");
		long first = Long.parseLong(matcher.group(1));
		long last = Long.parseLong(matcher.group(2));
		byte[] body = request.getBody();
		check(Long.parseLong(matcher.group(3)) == session.total, "total differs from X-Upload-Content-Length");
		check(first == session.received.size(), "chunk starts at " + first + ", expected " + session.received.size());
		check(last - first + 1 == body.length, "Content-Range does not match the body");
		boolean final_ = last == session.total - 1;
		check(final_ || body.length % (256 * 1024) == 0, "a chunk before the last must be a multiple of 256 KiB");
		int keep = body.length;
		if (this.keepOnlyOfNextChunk > 0 && !final_) {
			keep = (int) this.keepOnlyOfNextChunk;
			this.keepOnlyOfNextChunk = 0;
		}
		session.received.write(body, 0, keep);
		chunkReceived();
		if (session.received.size() == session.total) {
			this.files.put(session.name, session.received.toByteArray());
			return answer(200, "{\"id\":\"drive-file-2\",\"name\":\"" + session.name + "\"}");
		}
		return responseDefinition().withStatus(308)
			.withHeader("Range", "bytes=0-" + (session.received.size() - 1))
			.build();
	}

	private ResponseDefinition dropbox(String path, Request request) {
		JsonNode arg = json(request.getHeader("Dropbox-API-Arg"));
		byte[] body = request.getBody();
		this.dropboxCalls.add(path.substring("/2/files/".length()));
		switch (path) {
			case "/2/files/upload" -> {
				this.files.put(arg.get("path").asText(), body);
				return answer(200, "{\"path_display\":\"" + arg.get("path").asText() + "\"}");
			}
			case "/2/files/upload_session/start" -> {
				check(!arg.get("close").asBoolean(), "closed at start");
				String id = "dbx-session-" + (this.sessions.size() + 1);
				Session session = new Session(null, -1);
				session.received.write(body, 0, body.length);
				this.sessions.put(id, session);
				chunkReceived();
				return answer(200, "{\"session_id\":\"" + id + "\"}");
			}
			case "/2/files/upload_session/append_v2", "/2/files/upload_session/finish" -> {
				JsonNode cursor = arg.get("cursor");
				Session session = this.sessions.get(cursor.get("session_id").asText());
				check(session != null, "unknown session");
				if (cursor.get("offset").asLong() != session.received.size()) {
					return answer(409, "{\"error_summary\":\"incorrect_offset/\",\"detail\":\"" + REMOTE_TEXT + "\"}");
				}
				session.received.write(body, 0, body.length);
				chunkReceived();
				if (path.endsWith("finish")) {
					JsonNode commit = arg.get("commit");
					check("add".equals(commit.get("mode").asText()), "commit mode");
					this.files.put(commit.get("path").asText(), session.received.toByteArray());
					return answer(200, "{\"path_display\":\"" + commit.get("path").asText() + "\"}");
				}
				return answer(200, "null");
			}
			default -> {
				return answer(404, "{}");
			}
		}
	}

	private void chunkReceived() {
		this.chunks++;
		if (this.expireTokensAfterChunks > 0 && this.chunks == this.expireTokensAfterChunks) {
			expireTokens();
		}
	}

	private static ResponseDefinition answer(int status, String body) {
		return responseDefinition().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(body)
			.build();
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			String[] parts = pair.split("=", 2);
			form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
					(parts.length > 1) ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
		}
		return form;
	}

	private static JsonNode json(String text) {
		try {
			return JSON.readTree(text);
		}
		catch (Exception ex) {
			throw new StandInRefusal("not JSON: " + text);
		}
	}

	private static void check(boolean condition, String rule) {
		if (!condition) {
			throw new StandInRefusal(rule);
		}
	}

	private static final class Session {

		private final String name;

		private final long total;

		private final ByteArrayOutputStream received = new ByteArrayOutputStream();

		Session(String name, long total) {
			this.name = name;
			this.total = total;
		}

	}

	private static final class StandInRefusal extends RuntimeException {

		StandInRefusal(String rule) {
			super(rule);
		}

	}

}
