package com.onsiteatlas.gateway.clientip;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientIpResolverTests {

	private final ClientIpResolver resolver = ClientIpResolver.fromCidrs(List.of("10.0.0.0/8", " "));

	@Test
	void usesThePeerAddressOfUntrustedPeersEvenWithForwardedFor() {
		assertThat(this.resolver.resolve(request("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
	}

	@Test
	void usesTheFirstForwardedHopFromATrustedProxy() {
		assertThat(this.resolver.resolve(request("10.1.2.3", "198.51.100.1, 10.9.9.9"))).isEqualTo("198.51.100.1");
		assertThat(this.resolver.resolve(request("10.1.2.3", "2001:db8::1"))).isEqualTo("2001:db8:0:0:0:0:0:1");
	}

	@Test
	void fallsBackToThePeerWhenTheForwardedValueIsMissingOrNotAnIp() {
		assertThat(this.resolver.resolve(request("10.1.2.3", null))).isEqualTo("10.1.2.3");
		assertThat(this.resolver.resolve(request("10.1.2.3", "unknown, 198.51.100.1"))).isEqualTo("10.1.2.3");
		assertThat(this.resolver.resolve(request("10.1.2.3", "evil.example.com"))).isEqualTo("10.1.2.3");
	}

	@Test
	void trustsNobodyByDefault() {
		ClientIpResolver strict = ClientIpResolver.fromCidrs(List.of());
		assertThat(strict.resolve(request("10.1.2.3", "198.51.100.1"))).isEqualTo("10.1.2.3");
	}

	private static MockServerHttpRequest request(String peer, String forwardedFor) {
		MockServerHttpRequest.BaseBuilder<?> builder = MockServerHttpRequest.get("/api/health")
			.remoteAddress(new InetSocketAddress(peer, 40000));
		if (forwardedFor != null) {
			builder.header("X-Forwarded-For", forwardedFor);
		}
		return builder.build();
	}

}
