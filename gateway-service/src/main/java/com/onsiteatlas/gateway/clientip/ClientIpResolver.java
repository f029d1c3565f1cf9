package com.onsiteatlas.gateway.clientip;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Finds the client IP of a request: the TCP peer address, or the first
 * {@code X-Forwarded-For} hop when the peer is a trusted proxy. A forwarded value that is
 * not an IP literal is ignored.
 */
public class ClientIpResolver {

	/** The header reverse proxies use to pass on the original client address. */
	public static final String X_FORWARDED_FOR = "X-Forwarded-For";

	/** Returned when the peer address is unknown. */
	public static final String UNKNOWN = "unknown";

	private final List<IpRange> trustedProxies;

	ClientIpResolver(List<IpRange> trustedProxies) {
		this.trustedProxies = List.copyOf(trustedProxies);
	}

	/**
	 * Builds a resolver from configuration values.
	 * @param cidrs CIDR ranges or single addresses
	 * @return the resolver
	 * @throws IllegalArgumentException if a value is not an IP literal or range
	 */
	public static ClientIpResolver fromCidrs(List<String> cidrs) {
		return new ClientIpResolver(cidrs.stream().filter((cidr) -> !cidr.isBlank()).map(IpRange::parse).toList());
	}

	/**
	 * The client IP of the request.
	 * @param request the request
	 * @return an IP literal, or {@value #UNKNOWN}
	 */
	public String resolve(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null || remote.getAddress() == null) {
			return UNKNOWN;
		}
		InetAddress peer = remote.getAddress();
		if (isTrustedProxy(peer)) {
			String forwarded = firstForwardedHop(request.getHeaders().getFirst(X_FORWARDED_FOR));
			if (forwarded != null) {
				return forwarded;
			}
		}
		return peer.getHostAddress();
	}

	private boolean isTrustedProxy(InetAddress peer) {
		for (IpRange range : this.trustedProxies) {
			if (range.contains(peer)) {
				return true;
			}
		}
		return false;
	}

	private static String firstForwardedHop(String header) {
		if (header == null) {
			return null;
		}
		int comma = header.indexOf(',');
		String first = ((comma >= 0) ? header.substring(0, comma) : header).trim();
		InetAddress address = IpRange.parseLiteral(first);
		return (address != null) ? address.getHostAddress() : null;
	}

}
