package com.onsiteatlas.gateway;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organiser console at {@code /console/}, from the organiser-console module's jar on
 * the classpath: long-cached hashed assets, an index that is always revalidated, the
 * app's routes answered with the index, and nothing of the API's machinery in the way.
 */
class ConsoleServingIntegrationTests extends GatewayIntegrationTest {

	@org.springframework.boot.test.web.server.LocalServerPort
	private int port;

	private static final Pattern MODULE_SCRIPT = Pattern.compile("src=\"(/console/assets/[^\"]+\\.js)\"");

	@Test
	void servesTheIndexWithoutCachingOrToken() {
		String index = index("/console/");

		assertThat(index).contains("<div id=\"root\"></div>");
		assertThat(MODULE_SCRIPT.matcher(index).find()).isTrue();
	}

	@Test
	void answersTheAppsOwnRoutesWithTheIndex() {
		String index = index("/console/");

		assertThat(index("/console/signin")).isEqualTo(index);
		assertThat(index("/console/events/65f0a0000000000000000001/templates")).isEqualTo(index);
		assertThat(index("/console/my-trip")).isEqualTo(index);
	}

	@Test
	void servesHashedAssetsForAYearAndGzippedWhenAccepted() throws Exception {
		String asset = moduleScript();
		org.springframework.test.web.reactive.server.WebTestClient client = this.client.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build();

		byte[] plain = client.get()
			.uri(asset)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.cacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofDays(365))
				.cachePublic()
				.immutable())
			.expectHeader()
			.contentTypeCompatibleWith("text/javascript")
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(new String(plain, StandardCharsets.UTF_8)).contains("import");

		// The JDK client, because WebTestClient's Reactor Netty client decompresses on
		// its own.
		java.net.http.HttpResponse<byte[]> zipped = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + this.port + asset))
				.header(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate, br")
				.header("X-Forwarded-For", this.clientIp)
				.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(zipped.statusCode()).isEqualTo(200);
		assertThat(zipped.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).hasValue("gzip");
		assertThat(zipped.headers().firstValue(HttpHeaders.VARY)).hasValue(HttpHeaders.ACCEPT_ENCODING);
		byte[] gzipped = zipped.body();
		assertThat(gzipped.length).isLessThan(plain.length);
		assertThat(
				new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped)).readAllBytes(),
						StandardCharsets.UTF_8))
			.isEqualTo(new String(plain, StandardCharsets.UTF_8));
	}

	@Test
	void answers404ForMissingFilesInsteadOfTheIndex() {
		this.client.get().uri("/console/assets/missing-abc123.js").exchange().expectStatus().isNotFound();
		this.client.get().uri("/console/favicon-missing.png").exchange().expectStatus().isNotFound();
	}

	@Test
	void neverServesAnythingOutsideTheConsoleFolder() {
		for (String path : new String[] { "/console/assets/..%2F..%2Fapplication.yml",
				"/console/%2e%2e/application.yml", "/console/..%5capplication.yml",
				"/console/assets/%2e%2e/%2e%2e/application.yml" }) {
			this.client.get()
				.uri((builder) -> builder.path(path).build(true))
				.exchange()
				.expectStatus()
				.value((status) -> assertThat(status).as(path).isIn(400, 404));
		}
	}

	@Test
	void redirectsTheRootAndTheBareConsolePathToTheConsole() {
		this.client.get().uri("/").exchange().expectStatus().isFound().expectHeader().location("/console/");
		this.client.get().uri("/console").exchange().expectStatus().isFound().expectHeader().location("/console/");
	}

	@Test
	void isNeitherRateLimitedNorPassedToTheLegacyBackend() {
		int legacyBefore = TestBackends.LEGACY.requests((uri) -> true).size();

		for (int i = 0; i < RATE_LIMIT + 10; i++) {
			this.client.get()
				.uri("/console/events/x/hotels")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.returnResult();
		}

		assertThat(TestBackends.LEGACY.requests((uri) -> true)).hasSize(legacyBefore);
	}

	private String moduleScript() {
		Matcher matcher = MODULE_SCRIPT.matcher(index("/console/"));
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private String index(String path) {
		byte[] body = this.client.get()
			.uri(path)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.cacheControl(org.springframework.http.CacheControl.noCache())
			.expectBody()
			.returnResult()
			.getResponseBody();
		return new String(body, StandardCharsets.UTF_8);
	}

}
