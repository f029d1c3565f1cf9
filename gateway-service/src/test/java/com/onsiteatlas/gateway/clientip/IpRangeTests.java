package com.onsiteatlas.gateway.clientip;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IpRangeTests {

	@Test
	void matchesAddressesInsideTheRange() throws Exception {
		IpRange range = IpRange.parse("10.20.0.0/14");
		assertThat(range.contains(InetAddress.getByName("10.20.0.1"))).isTrue();
		assertThat(range.contains(InetAddress.getByName("10.23.255.255"))).isTrue();
		assertThat(range.contains(InetAddress.getByName("10.24.0.0"))).isFalse();
		assertThat(range.contains(InetAddress.getByName("::ffff:10.20.0.1"))).isTrue();
	}

	@Test
	void treatsAnAddressWithoutPrefixAsASingleHost() throws Exception {
		assertThat(IpRange.parse("192.168.1.5").contains(InetAddress.getByName("192.168.1.5"))).isTrue();
		assertThat(IpRange.parse("192.168.1.5").contains(InetAddress.getByName("192.168.1.6"))).isFalse();
		assertThat(IpRange.parse("0.0.0.0/0").contains(InetAddress.getByName("8.8.8.8"))).isTrue();
	}

	@Test
	void supportsIpv6AndNeverMixesFamilies() throws Exception {
		IpRange range = IpRange.parse("fd00::/8");
		assertThat(range.contains(InetAddress.getByName("fd12:3456::1"))).isTrue();
		assertThat(range.contains(InetAddress.getByName("fe80::1"))).isFalse();
		assertThat(range.contains(InetAddress.getByName("10.0.0.1"))).isFalse();
	}

	@Test
	void rejectsHostNamesAndBadPrefixesWithoutLookingThemUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.parse("proxy.internal"));
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.parse("localhost"));
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.parse("10.0.0.0/33"));
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.parse("10.0.0.0/x"));
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.parse("999.1.1.1"));
		assertThat(IpRange.parseLiteral("example.com")).isNull();
	}

}
