package com.onsiteatlas.reporting.delivery;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Uploads a file to Dropbox: one {@code /2/files/upload} up to
 * {@code dropbox.session-above}, an upload session above it ({@code upload_session/start}
 * with the first chunk, {@code append_v2} with each next one at its offset,
 * {@code finish} with the last and the commit).
 */
class DropboxUpload {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final WebClient http;

	private final AccessTokens tokens;

	private final DeliveryProperties properties;

	DropboxUpload(WebClient http, AccessTokens tokens, DeliveryProperties properties) {
		this.http = http;
		this.tokens = tokens;
		this.properties = properties;
	}

	Mono<String> upload(String target, OAuthClient client, ReportFile file) {
		Map<String, Object> commit = commit(target);
		Mono<?> upload = (file.bytes().length > this.properties.dropbox().sessionAbove().toBytes())
				? session(client, commit, file.bytes()) : post(client, "/2/files/upload", commit, file.bytes());
		return upload.then(Mono.just("dropbox:" + target));
	}

	private static Map<String, Object> commit(String target) {
		Map<String, Object> commit = new LinkedHashMap<>();
		commit.put("path", target);
		commit.put("mode", "add");
		commit.put("autorename", true);
		commit.put("mute", false);
		return commit;
	}

	private Mono<?> session(OAuthClient client, Map<String, Object> commit, byte[] bytes) {
		int chunk = (int) this.properties.dropbox().chunkSize().toBytes();
		byte[] first = Arrays.copyOfRange(bytes, 0, Math.min(chunk, bytes.length));
		return post(client, "/2/files/upload_session/start", Map.of("close", false), first).flatMap((started) -> {
			Object id = started.get("session_id");
			if (id == null) {
				return Mono.error(new IllegalStateException("Dropbox opened no upload session"));
			}
			return appendFrom(client, id.toString(), commit, bytes, first.length, chunk);
		});
	}

	/**
	 * Sends the bytes from an offset: appended while more than one chunk is left, the
	 * rest (possibly nothing) with the finish.
	 */
	private Mono<Map<?, ?>> appendFrom(OAuthClient client, String sessionId, Map<String, Object> commit, byte[] bytes,
			int offset, int chunk) {
		Map<String, Object> cursor = Map.of("session_id", sessionId, "offset", offset);
		if (bytes.length - offset <= chunk) {
			return post(client, "/2/files/upload_session/finish", Map.of("cursor", cursor, "commit", commit),
					Arrays.copyOfRange(bytes, offset, bytes.length));
		}
		return post(client, "/2/files/upload_session/append_v2", Map.of("cursor", cursor, "close", false),
				Arrays.copyOfRange(bytes, offset, offset + chunk))
			.then(Mono.defer(() -> appendFrom(client, sessionId, commit, bytes, offset + chunk, chunk)));
	}

	private Mono<Map<?, ?>> post(OAuthClient client, String path, Map<String, Object> arg, byte[] body) {
		String header;
		try {
			header = ascii(JSON.writeValueAsString(arg));
		}
		catch (JsonProcessingException ex) {
			return Mono.error(ex);
		}
		return this.tokens.withToken(client,
				(token) -> this.http.post()
					.uri(this.properties.dropboxUrl() + path)
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
					.header("Dropbox-API-Arg", header)
					.contentType(MediaType.APPLICATION_OCTET_STREAM)
					.bodyValue(body)
					.exchangeToMono((response) -> {
						if (!response.statusCode().is2xxSuccessful()) {
							return response.createError();
						}
						boolean json = response.headers()
							.contentType()
							.filter(MediaType.APPLICATION_JSON::isCompatibleWith)
							.isPresent();
						return json ? response.bodyToMono(Map.class)
							.<Map<?, ?>>map((answer) -> answer)
							.defaultIfEmpty(Map.of()) : response.releaseBody().thenReturn(Map.of());
					})
					.timeout(this.properties.timeout()));
	}

	/**
	 * Dropbox-API-Arg must be ASCII: everything else escaped as \\uXXXX (Dropbox's rule).
	 */
	private static String ascii(String arg) {
		StringBuilder ascii = new StringBuilder();
		arg.chars().forEach((c) -> ascii.append((c < 0x7f) ? String.valueOf((char) c) : String.format("\\u%04x", c)));
		return ascii.toString();
	}

}
