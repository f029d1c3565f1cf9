package com.onsiteatlas.gateway.clientip;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Finds the client IP of a request: the TCP peer address, or, when the peer is a trusted
 * proxy, the rightmost {@code X-Forwarded-For} hop that is not a trusted proxy. Proxies
 * append the address they received a request from, so every hop left of the last
 * untrusted one was written by the client and is not believed; a hop that is not an IP
 * literal ends the walk at the nearest address known to be real.
 * {@link #rateLimitKey(ServerHttpRequest)} keys IPv6 clients by their /64, the block one
 * subscriber usually holds.
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
		return client(remote.getAddress(), request.getHeaders().get(X_FORWARDED_FOR)).getHostAddress();
	}

	/**
	 * The key the rate limiter counts a request under: the client IP for IPv4, its /64
	 * network for IPv6 (one subscriber usually holds a whole /64 and could otherwise take
	 * a fresh bucket per address).
	 * @param request the request
	 * @return the key, or {@value #UNKNOWN}
	 */
	public String rateLimitKey(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null || remote.getAddress() == null) {
			return UNKNOWN;
		}
		InetAddress client = client(remote.getAddress(), request.getHeaders().get(X_FORWARDED_FOR));
		if (client instanceof Inet6Address) {
			byte[] bytes = client.getAddress();
			Arrays.fill(bytes, 8, 16, (byte) 0);
			try {
				return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return client.getHostAddress();
	}

	private InetAddress client(InetAddress peer, List<String> forwardedFor) {
		if (!isTrustedProxy(peer) || forwardedFor == null) {
			return peer;
		}
		List<String> hops = new ArrayList<>();
		for (String header : forwardedFor) {
			for (String hop : header.split(",")) {
				hops.add(hop.trim());
			}
		}
		InetAddress nearest = peer;
		for (int i = hops.size() - 1; i >= 0; i--) {
			InetAddress hop = IpRange.parseLiteral(hops.get(i));
			if (hop == null) {
				return nearest;
			}
			if (!isTrustedProxy(hop)) {
				return hop;
			}
			nearest = hop;
		}
		return nearest;
	}

	private boolean isTrustedProxy(InetAddress peer) {
		for (IpRange range : this.trustedProxies) {
			if (range.contains(peer)) {
				return true;
			}
		}
		return false;
	}

}
