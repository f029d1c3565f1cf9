package com.onsiteatlas.reporting.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import com.onsiteatlas.support.destination.DestinationPolicy;
import com.onsiteatlas.support.testing.MutableClock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Google Drive and Dropbox deliveries against a stand-in whose access tokens expire: the
 * stored refresh token gets a fresh token (kept until shortly before it expires, by the
 * injected clock), a refused token is renewed once, a refused refresh is
 * {@code auth-failed} without the provider's words, and files above the single-request
 * limits go up in chunks that the stand-in checks and reassembles.
 */
class CloudTokenAndChunkedUploadTests {

	private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

	private static final MutableClock clock = new MutableClock();

	private static final ProviderStandIn provider = new ProviderStandIn(clock);

	private static final WireMockServer stub = new WireMockServer(
			WireMockConfiguration.options().dynamicPort().extensions(provider));

	private static final int KIB = 1024;

	@BeforeAll
	static void start() {
		stub.start();
		stub.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
	}

	@AfterAll
	static void stop() {
		stub.stop();
	}

	@BeforeEach
	void reset() {
		provider.reset();
		clock.setTime(START);
	}

	@AfterEach
	void keptEveryRule() {
		assertThat(provider.refusals).isEmpty();
		clock.reset();
	}

	/**
	 * Operator client credentials as the stand-in expects them; Drive resumable above 64
	 * KiB in 256 KiB chunks, Dropbox sessions above 64 KiB in 100 KiB chunks.
	 */
	private static CloudDelivery delivery(String operatorClientId) {
		DeliveryProperties properties = new DeliveryProperties("reports@test", DataSize.ofKilobytes(1),
				"https://atlas.example", stub.baseUrl(), stub.baseUrl(), Duration.ofSeconds(5),
				new DeliveryProperties.Google(operatorClientId, "atlas-client-secret",
						stub.baseUrl() + ProviderStandIn.GOOGLE_TOKEN_PATH, DataSize.ofKilobytes(64),
						DataSize.ofKilobytes(256)),
				new DeliveryProperties.Dropbox(operatorClientId, "atlas-client-secret",
						stub.baseUrl() + ProviderStandIn.DROPBOX_TOKEN_PATH, DataSize.ofKilobytes(64),
						DataSize.ofKilobytes(100)),
				Duration.ofSeconds(60));
		return new CloudDelivery(WebClient.builder(), properties, new DestinationPolicy(List.of("localhost")), clock);
	}

	private static ReportFile file(String name, int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return new ReportFile(name, "application/octet-stream", bytes, size, null);
	}

	private static Map<String, Object> stored(String refreshToken) {
		Map<String, Object> config = new HashMap<>();
		config.put("refreshToken", refreshToken);
		config.put("accessToken", "stored-and-long-expired");
		return config;
	}

	@Test
	void usesTheRefreshTokenAndKeepsTheNewTokenUntilShortlyBeforeItExpires() {
		CloudDelivery cloud = delivery("atlas-client");
		ReportFile small = file("daily.csv", 100);
		assertThat(cloud.upload("dropbox", "Reports", stored("refresh-1"), small).block(Duration.ofSeconds(10)))
			.isEqualTo("dropbox:/Reports/daily.csv");
		clock.setTime(START.plusSeconds(3600 - 61));
		cloud.upload("dropbox", "Reports", stored("refresh-1"), small).block(Duration.ofSeconds(10));
		assertThat(provider.tokenRequests).hasValue(1);
		// Within the last minute of its hour the kept token is renewed before use.
		clock.setTime(START.plusSeconds(3600 - 30));
		cloud.upload("dropbox", "Reports", stored("refresh-1"), small).block(Duration.ofSeconds(10));
		assertThat(provider.tokenRequests).hasValue(2);
		assertThat(provider.bearersSeen).containsExactly("Bearer access-1", "Bearer access-1", "Bearer access-2");
		assertThat(provider.refusedCalls).hasValue(0);
		assertThat(provider.files.get("/Reports/daily.csv")).isEqualTo(small.bytes());
	}

	@Test
	void renewsATokenTheProviderRefusesAndSendsTheRequestOnceMore() {
		CloudDelivery cloud = delivery("atlas-client");
		ReportFile small = file("daily.csv", 100);
		cloud.upload("google-drive", null, stored("refresh-1"), small).block(Duration.ofSeconds(10));
		// The provider expires the token before the time it announced.
		provider.expireTokens();
		assertThat(cloud.upload("google-drive", null, stored("refresh-1"), small).block(Duration.ofSeconds(10)))
			.isEqualTo("google-drive:drive-file-1");
		assertThat(provider.bearersSeen).containsExactly("Bearer access-1", "Bearer access-1", "Bearer access-2");
		assertThat(provider.refusedCalls).hasValue(1);
		assertThat(provider.tokenRequests).hasValue(2);
	}

	@Test
	void givesUpAfterOneRenewalWhenTheNewTokenIsRefusedToo() {
		provider.refuseAllTokens = true;
		UploadFailedException failure = catchThrowableOfType(UploadFailedException.class,
				() -> delivery("atlas-client").upload("dropbox", "", stored("refresh-1"), file("a.csv", 10))
					.block(Duration.ofSeconds(10)));
		assertThat(failure.failure()).isEqualTo(UploadFailure.AUTH_FAILED);
		assertThat(failure).hasMessage("Upload to dropbox failed: auth-failed (HTTP 401)");
		assertThat(provider.refusedCalls).hasValue(2);
		assertThat(provider.tokenRequests).hasValue(2);
	}

	@Test
	void aRefusedRefreshTokenIsAuthFailedWithoutTheProvidersWords() {
		UploadFailedException failure = catchThrowableOfType(UploadFailedException.class,
				() -> delivery("atlas-client").upload("google-drive", null, stored("revoked"), file("a.csv", 10))
					.block(Duration.ofSeconds(10)));
		assertThat(failure.failure()).isEqualTo(UploadFailure.AUTH_FAILED);
		assertThat(failure).hasMessage("Upload to google-drive failed: auth-failed (HTTP 400)");
		assertThat(failure.getMessage()).doesNotContain(ProviderStandIn.REMOTE_TEXT);
		// No upload was tried with the stored (expired) token or any other.
		assertThat(provider.bearersSeen).isEmpty();
		assertThat(provider.tokenRequests).hasValue(1);
	}

	@Test
	void aWrongClientIsAuthFailed() {
		UploadFailedException failure = catchThrowableOfType(UploadFailedException.class,
				() -> delivery("someone-else").upload("dropbox", null, stored("refresh-1"), file("a.csv", 10))
					.block(Duration.ofSeconds(10)));
		assertThat(failure.failure()).isEqualTo(UploadFailure.AUTH_FAILED);
		assertThat(failure.getMessage()).doesNotContain(ProviderStandIn.REMOTE_TEXT);
	}

	@Test
	void theSchedulesOwnClientComesBeforeTheOperators() {
		provider.clientId = "organiser-app";
		provider.clientSecret = "organiser-secret";
		Map<String, Object> config = stored("refresh-1");
		config.put("clientId", "organiser-app");
		config.put("clientSecret", "organiser-secret");
		delivery("atlas-client").upload("dropbox", "x", config, file("a.csv", 10)).block(Duration.ofSeconds(10));
		assertThat(provider.files).containsKey("/x/a.csv");
		assertThat(provider.tokenRequests).hasValue(1);
	}

	@Test
	void withoutARefreshTokenTheStoredAccessTokenIsUsedAsItIs() {
		UploadFailedException failure = catchThrowableOfType(UploadFailedException.class,
				() -> delivery("atlas-client")
					.upload("dropbox", null, Map.of("accessToken", "stored-only"), file("a.csv", 10))
					.block(Duration.ofSeconds(10)));
		assertThat(failure.failure()).isEqualTo(UploadFailure.AUTH_FAILED);
		assertThat(provider.bearersSeen).containsExactly("Bearer stored-only");
		assertThat(provider.tokenRequests).hasValue(0);
	}

	@Test
	void uploadsALargeFileToGoogleDriveInResumableChunks() {
		ReportFile large = file("large.xlsx", 600 * KIB + 17);
		String location = delivery("atlas-client").upload("google-drive", null, stored("refresh-1"), large)
			.block(Duration.ofSeconds(10));
		assertThat(location).isEqualTo("google-drive:drive-file-2");
		int total = large.bytes().length;
		assertThat(provider.driveRanges).containsExactly("bytes 0-262143/" + total, "bytes 262144-524287/" + total,
				"bytes 524288-" + (total - 1) + "/" + total);
		assertThat(provider.files.get("large.xlsx")).isEqualTo(large.bytes());
	}

	@Test
	void resendsFromWhereDriveSaysItHasTheBytes() {
		provider.keepOnlyOfNextChunk = 100 * KIB;
		ReportFile large = file("large.xlsx", 300 * KIB);
		delivery("atlas-client").upload("google-drive", null, stored("refresh-1"), large).block(Duration.ofSeconds(10));
		int total = large.bytes().length;
		assertThat(provider.driveRanges).containsExactly("bytes 0-262143/" + total,
				"bytes 102400-" + (total - 1) + "/" + total);
		assertThat(provider.files.get("large.xlsx")).isEqualTo(large.bytes());
	}

	@Test
	void aTokenThatExpiresDuringAResumableUploadIsRenewedForTheNextChunk() {
		provider.expireTokensAfterChunks = 1;
		ReportFile large = file("large.xlsx", 700 * KIB);
		delivery("atlas-client").upload("google-drive", null, stored("refresh-1"), large).block(Duration.ofSeconds(10));
		assertThat(provider.refusedCalls).hasValue(1);
		assertThat(provider.tokenRequests).hasValue(2);
		assertThat(provider.files.get("large.xlsx")).isEqualTo(large.bytes());
	}

	@Test
	void sendsNoChunkToASessionUriOnAnotherHost() {
		// The same stand-in under another name: a chunk sent there would be seen.
		provider.sessionBaseUrl = "http://127.0.0.1:" + stub.port();
		UploadFailedException failure = catchThrowableOfType(UploadFailedException.class,
				() -> delivery("atlas-client")
					.upload("google-drive", null, stored("refresh-1"), file("large.xlsx", 300 * KIB))
					.block(Duration.ofSeconds(10)));
		assertThat(failure.failure()).isEqualTo(UploadFailure.FAILED);
		assertThat(provider.driveRanges).isEmpty();
	}

	@Test
	void uploadsALargeFileToDropboxInAnUploadSession() {
		ReportFile large = file("large.pdf", 250 * KIB + 3);
		String location = delivery("atlas-client").upload("dropbox", "/Reports/", stored("refresh-1"), large)
			.block(Duration.ofSeconds(10));
		assertThat(location).isEqualTo("dropbox:/Reports/large.pdf");
		assertThat(provider.dropboxCalls).containsExactly("upload_session/start", "upload_session/append_v2",
				"upload_session/finish");
		assertThat(provider.files.get("/Reports/large.pdf")).isEqualTo(large.bytes());
	}

	@Test
	void aTokenThatExpiresDuringAnUploadSessionIsRenewedForTheNextChunk() {
		ReportFile large = file("large.pdf", 350 * KIB);
		// The provider expires the token once the first append is in.
		provider.expireTokensAfterChunks = 2;
		delivery("atlas-client").upload("dropbox", "", stored("refresh-1"), large).block(Duration.ofSeconds(10));
		assertThat(provider.dropboxCalls).containsExactly("upload_session/start", "upload_session/append_v2",
				"upload_session/append_v2", "upload_session/finish");
		assertThat(provider.refusedCalls).hasValue(1);
		assertThat(provider.files.get("/large.pdf")).isEqualTo(large.bytes());
	}

	@Test
	void refusesADriveChunkSizeThatIsNotAMultipleOf256KiB() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DeliveryProperties("a@b", DataSize.ofMegabytes(1), "http://x", "http://x", "http://x",
					Duration.ofSeconds(1),
					new DeliveryProperties.Google(null, null, "http://x/token", DataSize.ofMegabytes(5),
							DataSize.ofKilobytes(300)),
					DeliveryProperties.Dropbox.defaults(), Duration.ofSeconds(60)))
			.withMessageContaining("google.chunk-size");
	}

}
