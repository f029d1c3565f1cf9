package com.onsiteatlas.support.destination;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether an organiser-supplied host or URL may be reached. A host is refused
 * when any address it resolves to is loopback, private (RFC 1918, fc00::/7), shared
 * (100.64/10), link-local (169.254/16 with the cloud metadata address, fe80::/10),
 * unspecified or multicast, unless the operator's allow-list names it: an entry without
 * {@code /} matches the host exactly as written, an entry with {@code /} is a network
 * (CIDR) that resolved addresses may fall in.
 * <p>
 * Checked twice: when the destination is saved ({@link #checkAtSave}: an unresolvable
 * host is let through, it reaches nothing) and before every connection
 * ({@link #checkAtConnect}: resolved again and every address checked, so that a name that
 * resolved to a public address at save time and to an internal one later, DNS rebinding,
 * is refused).
 */
public class DestinationPolicy {

	private final Set<String> allowedHosts;

	private final List<Network> allowedNetworks;

	private final Resolver resolver;

	/**
	 * A policy with the operator's allow-list.
	 * @param allowed host names and CIDR networks; empty in production
	 */
	public DestinationPolicy(List<String> allowed) {
		this(allowed, InetAddress::getAllByName);
	}

	DestinationPolicy(List<String> allowed, Resolver resolver) {
		List<String> entries = (allowed != null) ? allowed.stream()
			.filter((entry) -> entry != null && !entry.isBlank())
			.map((entry) -> entry.trim().toLowerCase(Locale.ROOT))
			.toList() : List.of();
		this.allowedHosts = entries.stream().filter((entry) -> !entry.contains("/")).collect(Collectors.toSet());
		this.allowedNetworks = entries.stream().filter((entry) -> entry.contains("/")).map(Network::parse).toList();
		this.resolver = resolver;
	}

	/**
	 * Checks a URL when it is saved: http(s) with a host that does not resolve to an
	 * internal address.
	 * @param field the request field, for the message
	 * @param url the URL
	 * @throws DestinationRefusedException when it may not be reached
	 */
	public void checkUrlAtSave(String field, String url) {
		checkAtSave(field, hostOf(field, url));
	}

	/**
	 * Checks a host when it is saved; a host that does not resolve (yet) passes.
	 * @param field the request field, for the message
	 * @param host the host name or address
	 * @throws DestinationRefusedException when it resolves to an internal address
	 */
	public void checkAtSave(String field, String host) {
		try {
			check(field, host);
		}
		catch (UnknownHostException ex) {
			// Nothing to reach; the check before each connection refuses it then.
		}
	}

	/**
	 * Checks a URL before connecting to it.
	 * @param field the configuration field, for the message
	 * @param url the URL
	 * @throws DestinationRefusedException when it may not be reached or does not resolve
	 */
	public void checkUrlAtConnect(String field, String url) {
		checkAtConnect(field, hostOf(field, url));
	}

	/**
	 * Checks a host before connecting to it: resolves it and checks every address.
	 * @param field the configuration field, for the message
	 * @param host the host name or address
	 * @throws DestinationRefusedException when it may not be reached or does not resolve
	 */
	public void checkAtConnect(String field, String host) {
		try {
			check(field, host);
		}
		catch (UnknownHostException ex) {
			throw new DestinationRefusedException(field, field + ": host '" + host + "' does not resolve");
		}
	}

	/**
	 * Whether the operator's allow-list names this host as written.
	 * @param host a host name or address
	 * @return true when allow-listed by name
	 */
	public boolean allowsByName(String host) {
		return this.allowedHosts.contains(normal(host));
	}

	/**
	 * Checks resolved addresses of a host.
	 * @param field the field, for the message
	 * @param host the host as written
	 * @param addresses what it resolved to
	 * @throws DestinationRefusedException when one of them is internal and not allowed
	 */
	public void checkAddresses(String field, String host, InetAddress... addresses) {
		if (allowsByName(host)) {
			return;
		}
		for (InetAddress address : addresses) {
			String kind = internalKind(address);
			if (kind != null && this.allowedNetworks.stream().noneMatch((network) -> network.contains(address))) {
				throw new DestinationRefusedException(field,
						field + ": '" + host + "' resolves to a " + kind
								+ " address, which organiser settings may not reach (an operator can allow it with"
								+ " atlas.destinations.allowed-hosts)");
			}
		}
	}

	private void check(String field, String host) throws UnknownHostException {
		if (host == null || host.isBlank()) {
			throw new DestinationRefusedException(field, field + " needs a host");
		}
		if (allowsByName(host)) {
			return;
		}
		checkAddresses(field, host, this.resolver.resolve(normal(host)));
	}

	private static String normal(String host) {
		String h = host.trim().toLowerCase(Locale.ROOT);
		if (h.startsWith("[") && h.endsWith("]")) {
			h = h.substring(1, h.length() - 1);
		}
		return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
	}

	private static String hostOf(String field, String url) {
		URI uri;
		try {
			uri = URI.create(url.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new DestinationRefusedException(field, field + " is not a valid URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new DestinationRefusedException(field, field + " must be an http(s) URL");
		}
		if (uri.getHost() == null || uri.getRawUserInfo() != null) {
			throw new DestinationRefusedException(field, field + " must name a host (and no user info)");
		}
		return uri.getHost();
	}

	/**
	 * What kind of internal address this is, or null for a public one.
	 * @param address an address
	 * @return loopback, private, link-local, unspecified, multicast or null
	 */
	static String internalKind(InetAddress address) {
		InetAddress a = embeddedIpv4(address);
		if (a.isLoopbackAddress()) {
			return "loopback";
		}
		if (a.isAnyLocalAddress()) {
			return "unspecified";
		}
		if (a.isLinkLocalAddress()) {
			return "link-local";
		}
		if (a.isMulticastAddress()) {
			return "multicast";
		}
		byte[] b = a.getAddress();
		if (a instanceof Inet4Address) {
			int first = b[0] & 0xff;
			int second = b[1] & 0xff;
			if (first == 0) {
				return "unspecified";
			}
			if (a.isSiteLocalAddress() || (first == 100 && second >= 64 && second < 128)) {
				return "private";
			}
			if (first >= 240) {
				return "reserved";
			}
			return null;
		}
		// fc00::/7 (unique local) and the deprecated site-local fec0::/10.
		if ((b[0] & 0xfe) == 0xfc || a.isSiteLocalAddress()) {
			return "private";
		}
		return null;
	}

	/**
	 * An IPv4 address carried in an IPv6 one (::a.b.c.d, ::ffff:a.b.c.d,
	 * 64:ff9b::a.b.c.d).
	 */
	private static InetAddress embeddedIpv4(InetAddress address) {
		if (!(address instanceof Inet6Address)) {
			return address;
		}
		byte[] b = address.getAddress();
		boolean zeros = true;
		for (int i = 0; i < 10; i++) {
			zeros &= b[i] == 0;
		}
		boolean mapped = zeros && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff));
		boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
		if (!mapped && !nat64) {
			return address;
		}
		try {
			return InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] });
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

	/** How host names are resolved; a test stands in for DNS. */
	@FunctionalInterface
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	/** An allowed network in CIDR notation. */
	private record Network(byte[] prefix, int bits) {

		static Network parse(String cidr) {
			String[] parts = cidr.split("/", 2);
			try {
				byte[] prefix = InetAddress.getByName(parts[0]).getAddress();
				int bits = Integer.parseInt(parts[1]);
				if (bits < 0 || bits > prefix.length * 8) {
					throw new IllegalArgumentException(
							"Bad prefix length in atlas.destinations.allowed-hosts: " + cidr);
				}
				return new Network(prefix, bits);
			}
			catch (UnknownHostException | NumberFormatException ex) {
				throw new IllegalArgumentException("Bad network in atlas.destinations.allowed-hosts: " + cidr, ex);
			}
		}

		boolean contains(InetAddress address) {
			byte[] candidate = address.getAddress();
			if (candidate.length != this.prefix.length) {
				return false;
			}
			for (int i = 0; i < this.bits; i++) {
				int mask = 0x80 >> (i % 8);
				if ((candidate[i / 8] & mask) != (this.prefix[i / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
