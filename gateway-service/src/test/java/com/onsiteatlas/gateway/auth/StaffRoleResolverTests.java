package com.onsiteatlas.gateway.auth;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class StaffRoleResolverTests {

	@Test
	void failsClosedWhenTheLegacyBackendIsUnreachable() throws IOException {
		int unusedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			unusedPort = socket.getLocalPort();
		}
		StaffRoleResolver resolver = resolver(URI.create("http://127.0.0.1:" + unusedPort + "/api/auth/me"));
		StepVerifier.create(resolver.resolve("token", "cid-12345678"))
			.expectError(RoleLookupUnavailableException.class)
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void sharesOneLegacyCallBetweenConcurrentRequestsWithTheSameToken() {
		AtomicInteger calls = new AtomicInteger();
		DisposableServer legacy = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			calls.incrementAndGet();
			return Mono.delay(Duration.ofMillis(200))
				.then(response.header("Content-Type", "application/json")
					.sendString(Mono.just("{\"data\":{\"role\":\"staff\"}}"))
					.then());
		}).bindNow();
		try {
			StaffRoleResolver resolver = resolver(URI.create("http://127.0.0.1:" + legacy.port() + "/api/auth/me"));
			StepVerifier.create(Mono.zip(resolver.resolve("same-token", null), resolver.resolve("same-token", null),
					resolver.resolve("other-token", null)))
				.assertNext((profiles) -> {
					assertThat(profiles.getT1().role()).isEqualTo("staff");
					assertThat(profiles.getT2()).isEqualTo(profiles.getT1());
				})
				.verifyComplete();
			assertThat(calls).hasValue(2);
		}
		finally {
			legacy.disposeNow();
		}
	}

	@Test
	void keysTheCacheBySha256AndNeverByTheTokenItself() {
		assertThat(StaffRoleResolver.sha256("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	private static StaffRoleResolver resolver(URI uri) {
		return new StaffRoleResolver(WebClient.create(), uri, Duration.ofSeconds(2), Duration.ofSeconds(60), 100);
	}

}
