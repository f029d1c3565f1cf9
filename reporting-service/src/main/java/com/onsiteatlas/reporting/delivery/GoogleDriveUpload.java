package com.onsiteatlas.reporting.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Uploads a file to Google Drive: one multipart request up to
 * {@code google.resumable-above}, a resumable upload above it (a session opened with the
 * metadata, then PUTs of {@code google.chunk-size} bytes with their
 * {@code Content-Range}, each continuing where Drive's {@code Range} answer says it has
 * the bytes up to).
 */
class GoogleDriveUpload {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Drive's answer to a chunk before the last: more bytes expected. */
	private static final int RESUME_INCOMPLETE = 308;

	private static final Pattern RANGE = Pattern.compile("bytes=0-(\\d+)");

	private final WebClient http;

	private final AccessTokens tokens;

	private final DeliveryProperties properties;

	GoogleDriveUpload(WebClient http, AccessTokens tokens, DeliveryProperties properties) {
		this.http = http;
		this.tokens = tokens;
		this.properties = properties;
	}

	Mono<String> upload(Map<String, Object> config, OAuthClient client, ReportFile file) {
		byte[] metadata;
		try {
			metadata = JSON.writeValueAsBytes(metadata(config, file));
		}
		catch (JsonProcessingException ex) {
			return Mono.error(ex);
		}
		Mono<Map<?, ?>> answer = (file.bytes().length > this.properties.google().resumableAbove().toBytes())
				? resumable(client, metadata, file) : multipart(client, metadata, file);
		return answer.map((created) -> "google-drive:" + Objects.requireNonNullElse(created.get("id"), file.name()));
	}

	private static Map<String, Object> metadata(Map<String, Object> config, ReportFile file) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("name", file.name());
		if (config.get("folderId") != null) {
			metadata.put("parents", List.of(config.get("folderId")));
		}
		return metadata;
	}

	private Mono<Map<?, ?>> multipart(OAuthClient client, byte[] metadata, ReportFile file) {
		String boundary = "atlas-" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n"
				+ new String(metadata, StandardCharsets.UTF_8) + "\r\n--" + boundary + "\r\nContent-Type: "
				+ file.contentType() + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + file.bytes().length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(file.bytes(), 0, body, head.length, file.bytes().length);
		System.arraycopy(tail, 0, body, head.length + file.bytes().length, tail.length);
		return this.tokens
			.withToken(client,
					(token) -> this.http.post()
						.uri(this.properties.googleDriveUrl() + "/upload/drive/v3/files?uploadType=multipart")
						.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
						.contentType(MediaType.parseMediaType("multipart/related; boundary=" + boundary))
						.bodyValue(body)
						.retrieve()
						.bodyToMono(Map.class)
						.timeout(this.properties.timeout()))
			.transform(GoogleDriveUpload::created);
	}

	private Mono<Map<?, ?>> resumable(OAuthClient client, byte[] metadata, ReportFile file) {
		return this.tokens
			.withToken(client,
					(token) -> this.http.post()
						.uri(this.properties.googleDriveUrl() + "/upload/drive/v3/files?uploadType=resumable")
						.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
						.header("X-Upload-Content-Type", file.contentType())
						.header("X-Upload-Content-Length", String.valueOf(file.bytes().length))
						.contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
						.bodyValue(metadata)
						.retrieve()
						.toBodilessEntity()
						.timeout(this.properties.timeout()))
			.map((opened) -> session(opened.getHeaders().getLocation()))
			.flatMap((session) -> chunksFrom(session, client, file.bytes(), 0));
	}

	/**
	 * The session URI, which receives the bearer token with every chunk: only on the
	 * configured Drive host.
	 */
	private URI session(URI location) {
		URI base = URI.create(this.properties.googleDriveUrl());
		if (location == null || !location.isAbsolute() || !base.getScheme().equalsIgnoreCase(location.getScheme())
				|| !base.getHost().equalsIgnoreCase(location.getHost()) || port(base) != port(location)) {
			throw new IllegalStateException("Google Drive answered no session URI on its own host");
		}
		return location;
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	private Mono<Map<?, ?>> chunksFrom(URI session, OAuthClient client, byte[] bytes, long offset) {
		long chunk = this.properties.google().chunkSize().toBytes();
		int end = (int) Math.min(bytes.length, offset + chunk);
		byte[] part = Arrays.copyOfRange(bytes, (int) offset, end);
		String range = "bytes " + offset + "-" + (end - 1) + "/" + bytes.length;
		return this.tokens.withToken(client,
				(token) -> this.http.put()
					.uri(session)
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
					.header(HttpHeaders.CONTENT_RANGE, range)
					.contentType(MediaType.APPLICATION_OCTET_STREAM)
					.bodyValue(part)
					.exchangeToMono((response) -> {
						if (response.statusCode().value() == RESUME_INCOMPLETE) {
							long next = received(response.headers().header(HttpHeaders.RANGE));
							return response.releaseBody().thenReturn(new Step(next, null));
						}
						if (response.statusCode().is2xxSuccessful()) {
							return created(response.bodyToMono(Map.class))
								.map((created) -> new Step(bytes.length, created));
						}
						return response.createError();
					})
					.timeout(this.properties.timeout()))
			.flatMap((step) -> {
				if (step.created() != null) {
					return Mono.just(step.created());
				}
				if (step.next() <= offset || step.next() >= bytes.length) {
					// Drive kept nothing of the chunk, or claims bytes never sent: going
					// on
					// could loop or store a short file.
					return Mono.error(new IllegalStateException(
							"Google Drive resumable upload made no progress (HTTP 308 at byte " + offset + ")"));
				}
				return chunksFrom(session, client, bytes, step.next());
			});
	}

	/**
	 * The offset of the next chunk: after the last byte Drive says it has.
	 */
	private static long received(List<String> range) {
		if (range.isEmpty()) {
			return 0;
		}
		Matcher matcher = RANGE.matcher(range.get(0).trim());
		return matcher.matches() ? Long.parseLong(matcher.group(1)) + 1 : 0;
	}

	/** Drive's answer on the created file; an empty one names no id. */
	@SuppressWarnings("rawtypes")
	private static Mono<Map<?, ?>> created(Mono<Map> answer) {
		return answer.<Map<?, ?>>map((created) -> created).defaultIfEmpty(Map.of());
	}

	private record Step(long next, Map<?, ?> created) {
	}

}
