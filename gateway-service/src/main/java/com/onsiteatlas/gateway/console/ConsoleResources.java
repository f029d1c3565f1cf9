package com.onsiteatlas.gateway.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The files of the console's build, read once from the classpath and kept in memory (with
 * their gzip form): the build is a few megabytes and never changes while the gateway
 * runs.
 */
final class ConsoleResources {

	static final String CLASSPATH_ROOT = "console/";

	static final String PREFIX = "/console/";

	private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private static final CacheControl REVALIDATE = CacheControl.noCache();

	private final String root;

	private final Map<String, Optional<ConsoleFile>> files = new ConcurrentHashMap<>();

	ConsoleResources(String root) {
		this.root = root;
	}

	Mono<ServerResponse> serve(ServerRequest request) {
		String path = request.path().substring(PREFIX.length());
		if (!isSafe(path)) {
			return ServerResponse.notFound().build();
		}
		boolean asset = path.startsWith("assets/");
		String lastSegment = path.substring(path.lastIndexOf('/') + 1);
		// A path without a file extension is one of the app's own routes: the app
		// decides.
		String file = (asset || lastSegment.contains(".")) ? path : "index.html";
		return Mono.fromCallable(() -> load(file))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((found) -> found.map((content) -> respond(request, content, asset))
				.orElseGet(() -> ServerResponse.notFound().build()));
	}

	private Mono<ServerResponse> respond(ServerRequest request, ConsoleFile content, boolean asset) {
		boolean gzip = content.gzip() != null && request.headers()
			.header(HttpHeaders.ACCEPT_ENCODING)
			.stream()
			.anyMatch((value) -> value.toLowerCase().contains("gzip"));
		byte[] body = gzip ? content.gzip() : content.bytes();
		ServerResponse.BodyBuilder response = ServerResponse.ok()
			.cacheControl(asset ? IMMUTABLE : REVALIDATE)
			.contentType(content.type())
			.contentLength(body.length)
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
			.header("X-Content-Type-Options", "nosniff");
		if (gzip) {
			response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		if (request.method().matches("HEAD")) {
			return response.build();
		}
		return response.bodyValue(body);
	}

	private Optional<ConsoleFile> load(String path) {
		return this.files.computeIfAbsent(path, this::read);
	}

	private Optional<ConsoleFile> read(String path) {
		ClassPathResource resource = new ClassPathResource(this.root + path);
		if (!resource.isReadable()) {
			return Optional.empty();
		}
		try (InputStream in = resource.getInputStream()) {
			byte[] bytes = in.readAllBytes();
			MediaType type = MediaTypeFactory.getMediaType(path).orElse(MediaType.APPLICATION_OCTET_STREAM);
			if (type.getType().equals("text") || path.endsWith(".js") || path.endsWith(".mjs")) {
				type = new MediaType(type, java.nio.charset.StandardCharsets.UTF_8);
			}
			return Optional.of(new ConsoleFile(bytes, compressible(path, bytes) ? gzip(bytes) : null, type));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Only relative paths below the console's root: no {@code ..}, no backslash, no
	 * scheme.
	 */
	static boolean isSafe(String path) {
		if (path.contains("\\") || path.contains(":") || path.contains("%") || path.startsWith("/")) {
			return false;
		}
		for (String segment : path.split("/", -1)) {
			if (segment.equals("..") || segment.equals(".")) {
				return false;
			}
		}
		return true;
	}

	private static boolean compressible(String path, byte[] bytes) {
		return bytes.length > 1024 && (path.endsWith(".js") || path.endsWith(".mjs") || path.endsWith(".css")
				|| path.endsWith(".html") || path.endsWith(".svg") || path.endsWith(".json"));
	}

	private static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		return out.toByteArray();
	}

	private record ConsoleFile(byte[] bytes, byte[] gzip, MediaType type) {

	}

}
