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
	void usesTheRightmostForwardedHopThatIsNotATrustedProxy() {
		assertThat(this.resolver.resolve(request("10.1.2.3", "198.51.100.1, 10.9.9.9"))).isEqualTo("198.51.100.1");
		assertThat(this.resolver.resolve(request("10.1.2.3", "2001:db8::1"))).isEqualTo("2001:db8:0:0:0:0:0:1");
	}

	@Test
	void ignoresTheHopsAClientWroteBeforeItsRealAddress() {
		// A proxy that appends: the client sent "X-Forwarded-For: 1.2.3.4", the proxy
		// added the address it saw.
		assertThat(this.resolver.resolve(request("10.1.2.3", "1.2.3.4, 203.0.113.9"))).isEqualTo("203.0.113.9");
		assertThat(this.resolver.resolve(request("10.1.2.3", "unknown, 198.51.100.1"))).isEqualTo("198.51.100.1");
		MockServerHttpRequest twoHeaders = MockServerHttpRequest.get("/api/health")
			.remoteAddress(new InetSocketAddress("10.1.2.3", 40000))
			.header("X-Forwarded-For", "1.2.3.4")
			.header("X-Forwarded-For", "203.0.113.9, 10.0.0.7")
			.build();
		assertThat(this.resolver.resolve(twoHeaders)).isEqualTo("203.0.113.9");
	}

	@Test
	void stopsAtTheNearestRealAddressWhenAHopIsNotAnIp() {
		assertThat(this.resolver.resolve(request("10.1.2.3", null))).isEqualTo("10.1.2.3");
		assertThat(this.resolver.resolve(request("10.1.2.3", "evil.example.com"))).isEqualTo("10.1.2.3");
		assertThat(this.resolver.resolve(request("10.1.2.3", "203.0.113.9, evil.example.com, 10.0.0.7")))
			.isEqualTo("10.0.0.7");
	}

	@Test
	void keysIpv6ClientsByTheirSlash64AndIpv4ClientsByTheirAddress() {
		assertThat(this.resolver.rateLimitKey(request("10.1.2.3", "2001:db8:1:2:aaaa::1")))
			.isEqualTo(this.resolver.rateLimitKey(request("10.1.2.3", "2001:db8:1:2:bbbb::2")))
			.isEqualTo("2001:db8:1:2:0:0:0:0/64");
		assertThat(this.resolver.rateLimitKey(request("10.1.2.3", "2001:db8:1:3::1")))
			.isEqualTo("2001:db8:1:3:0:0:0:0/64");
		assertThat(this.resolver.rateLimitKey(request("10.1.2.3", "203.0.113.9"))).isEqualTo("203.0.113.9");
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
