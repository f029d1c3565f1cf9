package com.onsiteatlas.gateway;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of every integration test: one gateway context for all of them, routed to the
 * {@link TestBackends} stubs through the simple discovery client (Eureka off). Each test
 * acts as its own client IP (the test client is a trusted proxy sending
 * {@code X-Forwarded-For}), so tests never share a rate-limit bucket.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "atlas.dev-defaults.allowed=true",
				"JWT_SECRET=" + TestTokens.JWT_SECRET, "ATLAS_INTERNAL_TOKEN_SECRET=" + TestTokens.INTERNAL_SECRET,
				"CLIENT_URL=" + TestBackends.CLIENT_ORIGIN + ",https://admin.example.test",
				"atlas.gateway.rate-limit.requests-per-minute=" + GatewayIntegrationTest.RATE_LIMIT,
				"atlas.gateway.trusted-proxies=127.0.0.1/32,::1/128",
				"atlas.gateway.max-request-bytes=" + GatewayIntegrationTest.MAX_REQUEST_BYTES,
				"atlas.gateway.max-public-request-bytes=" + GatewayIntegrationTest.MAX_PUBLIC_REQUEST_BYTES,
				"atlas.gateway.max-legacy-request-bytes=" + GatewayIntegrationTest.MAX_LEGACY_REQUEST_BYTES,
				"atlas.gateway.legacy.role-lookup-timeout=1s" })
abstract class GatewayIntegrationTest {

	static final int RATE_LIMIT = 40;

	static final int MAX_REQUEST_BYTES = 64 * 1024;

	static final int MAX_PUBLIC_REQUEST_BYTES = 8 * 1024;

	static final int MAX_LEGACY_REQUEST_BYTES = 128 * 1024;

	private static final AtomicInteger clientIps = new AtomicInteger();

	@Autowired
	protected WebTestClient webTestClient;

	/** A client with its own client IP, see the class comment. */
	protected WebTestClient client;

	/** The IP {@link #client} presents. */
	protected String clientIp;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.notification-service[0].uri",
				TestBackends.NOTIFICATION::baseUrl);
		registry.add("spring.cloud.discovery.client.simple.instances.lodging-travel-service[0].uri",
				TestBackends.LODGING::baseUrl);
		registry.add("spring.cloud.discovery.client.simple.instances.reporting-service[0].uri",
				TestBackends.REPORTING::baseUrl);
		registry.add("atlas.gateway.legacy.base-url", TestBackends.LEGACY::baseUrl);
	}

	@BeforeEach
	void clientWithItsOwnIp() {
		this.clientIp = nextClientIp();
		this.client = clientFrom(this.clientIp);
	}

	/**
	 * A client presenting the given IP through {@code X-Forwarded-For}.
	 * @param ip the IP
	 * @return the client
	 */
	protected WebTestClient clientFrom(String ip) {
		return this.webTestClient.mutate()
			.defaultHeader("X-Forwarded-For", ip)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	/**
	 * A fresh documentation-range IP.
	 * @return the IP
	 */
	protected static String nextClientIp() {
		int n = clientIps.incrementAndGet();
		return "198.18." + ((n >> 8) & 0xFF) + "." + (n & 0xFF);
	}

	/**
	 * An {@code Authorization} header value.
	 * @param token the token
	 * @return {@code Bearer <token>}
	 */
	protected static String bearer(String token) {
		return "Bearer " + token;
	}

}
