package com.onsiteatlas.gateway.clientip;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address range in CIDR notation ({@code 10.0.0.0/8}, {@code ::1/128}) or
 * a single address.
 *
 * @param network the network address bytes (4 or 16)
 * @param prefixLength how many leading bits must match
 */
record IpRange(byte[] network, int prefixLength) {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	public IpRange {
		network = network.clone();
		if (prefixLength < 0 || prefixLength > network.length * 8) {
			throw new IllegalArgumentException("Invalid prefix length " + prefixLength);
		}
	}

	/**
	 * Parses {@code address[/prefix]}. Only IP literals are accepted, so parsing never
	 * does a DNS lookup.
	 * @param cidr the range, for example {@code 192.168.0.0/16}
	 * @return the range
	 * @throws IllegalArgumentException if it is not an IP literal with a valid prefix
	 */
	public static IpRange parse(String cidr) {
		String value = cidr.trim();
		int slash = value.indexOf('/');
		String address = (slash >= 0) ? value.substring(0, slash) : value;
		InetAddress inet = parseLiteral(address);
		if (inet == null) {
			throw new IllegalArgumentException("Not an IP address or CIDR range: '" + cidr + "'");
		}
		int bits = inet.getAddress().length * 8;
		int prefix = bits;
		if (slash >= 0) {
			try {
				prefix = Integer.parseInt(value.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("Invalid prefix length in '" + cidr + "'", ex);
			}
		}
		return new IpRange(inet.getAddress(), prefix);
	}

	/**
	 * Parses an IP literal without ever resolving a host name.
	 * @param candidate the text
	 * @return the address, or {@code null} if the text is not an IP literal
	 */
	public static InetAddress parseLiteral(String candidate) {
		if (candidate == null || candidate.isEmpty() || candidate.length() > 45) {
			return null;
		}
		if (!IPV4.matcher(candidate).matches() && !IPV6.matcher(candidate).matches()) {
			return null;
		}
		try {
			// Only literals reach this point, which InetAddress parses without a lookup.
			return InetAddress.getByName(candidate);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/**
	 * Whether the address lies in this range. IPv4 and IPv6 never match each other.
	 * @param address the address
	 * @return {@code true} if it matches
	 */
	public boolean contains(InetAddress address) {
		byte[] candidate = address.getAddress();
		if (candidate.length != this.network.length) {
			return false;
		}
		int fullBytes = this.prefixLength / 8;
		for (int i = 0; i < fullBytes; i++) {
			if (candidate[i] != this.network[i]) {
				return false;
			}
		}
		int remainingBits = this.prefixLength % 8;
		if (remainingBits == 0) {
			return true;
		}
		int mask = (0xFF << (8 - remainingBits)) & 0xFF;
		return (candidate[fullBytes] & mask) == (this.network[fullBytes] & mask);
	}

	@Override
	public byte[] network() {
		return this.network.clone();
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof IpRange range) && this.prefixLength == range.prefixLength
				&& Arrays.equals(this.network, range.network);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.network) + this.prefixLength;
	}

	@Override
	public String toString() {
		try {
			return InetAddress.getByAddress(this.network).getHostAddress() + "/" + this.prefixLength;
		}
		catch (UnknownHostException ex) {
			return Arrays.toString(this.network) + "/" + this.prefixLength;
		}
	}

}
