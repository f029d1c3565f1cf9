package com.onsiteatlas.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSizeLimitIntegrationTests extends GatewayIntegrationTest {

	private static final String TOO_LARGE = "Request body too large (max " + MAX_REQUEST_BYTES + " bytes)";

	private static final String LEGACY_TOO_LARGE = "Request body too large (max " + MAX_LEGACY_REQUEST_BYTES
			+ " bytes)";

	@Test
	void rejectsADeclaredContentLengthAboveTheLimitWith413Json() {
		String marker = TestTokens.newId();
		this.client.post()
			.uri("/api/events/{id}/abstracts/upload", marker)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(new byte[MAX_LEGACY_REQUEST_BYTES + 1])
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false)
			.jsonPath("$.message")
			.isEqualTo(LEGACY_TOO_LARGE);
		assertThat(TestBackends.LEGACY.requestsContaining(marker)).isEmpty();
	}

	@Test
	void capsProviderCallbacksAtThePublicLimitBeforeTheyReachTheService() {
		String marker = TestTokens.newId();
		this.client.post()
			.uri("/api/notifications/webhooks/twilio/{id}", marker)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("Body=" + "x".repeat(MAX_PUBLIC_REQUEST_BYTES))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Request body too large (max " + MAX_PUBLIC_REQUEST_BYTES + " bytes)");
		assertThat(TestBackends.NOTIFICATION.requestsContaining(marker)).isEmpty();
		String small = TestTokens.newId();
		this.client.post()
			.uri("/api/notifications/webhooks/twilio/{id}", small)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("MessageSid=SM1&MessageStatus=delivered")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
		assertThat(TestBackends.NOTIFICATION.onlyRequestContaining(small).body())
			.isEqualTo("MessageSid=SM1&MessageStatus=delivered");
	}

	@Test
	void acceptsABodyOfExactlyTheLimit() {
		String marker = TestTokens.newId();
		this.client.post()
			.uri("/api/events/{id}/abstracts/upload", marker)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(new byte[MAX_LEGACY_REQUEST_BYTES])
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
		assertThat(TestBackends.LEGACY.onlyRequestContaining(marker).body()).hasSize(MAX_LEGACY_REQUEST_BYTES);
	}

	@Test
	void passesLegacyUploadsAboveOurServicesLimitThrough() {
		// ONSITE ATLAS accepts larger uploads than our services do: a body over our limit
		// and under the legacy one reaches the legacy backend, and is refused on our
		// routes.
		int size = MAX_REQUEST_BYTES + 16 * 1024;
		String marker = TestTokens.newId();
		this.client.post()
			.uri("/api/events/{id}/abstracts/upload", marker)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(new byte[size])
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
		assertThat(TestBackends.LEGACY.onlyRequestContaining(marker).body()).hasSize(size);
		String ours = TestTokens.newId();
		this.client.post()
			.uri("/api/events/{id}/travel-info/documents", ours)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.knownStaff(TestTokens.newId(), "admin")))
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(new byte[size])
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo(TOO_LARGE);
		assertThat(TestBackends.LODGING.requestsContaining(ours)).isEmpty();
	}

	@Test
	void rejectsAChunkedBodyOnceItStreamsPastTheLimitOnLegacyRoutes() {
		String marker = TestTokens.newId();
		this.client.post()
			.uri("/api/events/{id}/abstracts/upload", marker)
			.contentType(MediaType.TEXT_PLAIN)
			.body(BodyInserters.fromDataBuffers(chunks(20, 8 * 1024)))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo(LEGACY_TOO_LARGE);
		assertThat(TestBackends.LEGACY.requestsContaining(marker)).allSatisfy(
				(received) -> assertThat(received.body().length()).isLessThanOrEqualTo(MAX_LEGACY_REQUEST_BYTES));
	}

	@Test
	void rejectsAChunkedBodyPastTheLimitOnServiceRoutesBeforeBufferingIt() {
		String marker = TestTokens.newId();
		this.client.post()
			.uri("/api/events/{id}/travel-info/documents", marker)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.knownStaff(TestTokens.newId(), "admin")))
			.contentType(MediaType.TEXT_PLAIN)
			.body(BodyInserters.fromDataBuffers(chunks(10, 8 * 1024)))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo(TOO_LARGE);
		assertThat(TestBackends.LODGING.requestsContaining(marker)).isEmpty();
	}

	@Test
	void forwardsAChunkedBodyWithinTheLimit() {
		String marker = TestTokens.newId();
		this.client.post()
			.uri("/api/events/{id}/travel-info/documents", marker)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.knownStaff(TestTokens.newId(), "admin")))
			.contentType(MediaType.TEXT_PLAIN)
			.body(BodyInserters.fromDataBuffers(chunks(4, 8 * 1024)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
		assertThat(TestBackends.LODGING.onlyRequestContaining(marker).body()).hasSize(4 * 8 * 1024);
	}

	private static Flux<DataBuffer> chunks(int count, int size) {
		byte[] chunk = new byte[size];
		Arrays.fill(chunk, (byte) 'a');
		String text = new String(chunk, StandardCharsets.US_ASCII);
		return Flux.range(0, count)
			.map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.US_ASCII)));
	}

}
