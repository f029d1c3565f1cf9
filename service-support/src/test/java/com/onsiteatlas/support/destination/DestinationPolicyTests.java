package com.onsiteatlas.support.destination;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DestinationPolicyTests {

	/** A DNS stand-in: each name answers what the test says, others do not resolve. */
	private static DestinationPolicy policy(List<String> allowed, Map<String, String> dns) {
		return new DestinationPolicy(allowed, (host) -> {
			String answer = dns.get(host);
			if (answer == null) {
				return InetAddress.getAllByName(host.matches("[0-9a-f.:]+") ? host : "no-such-host.invalid");
			}
			String[] parts = answer.split(",");
			InetAddress[] addresses = new InetAddress[parts.length];
			for (int i = 0; i < parts.length; i++) {
				addresses[i] = InetAddress.getByName(parts[i]);
			}
			return addresses;
		});
	}

	@Test
	void refusesLoopbackPrivateLinkLocalMetadataAndUnspecifiedAddresses() {
		DestinationPolicy policy = policy(List.of(), Map.of());
		for (String url : List.of("http://127.0.0.1:9999", "http://127.8.0.1", "http://10.0.0.7", "http://172.16.3.4",
				"http://192.168.1.1", "http://100.64.0.1", "http://169.254.169.254/latest/meta-data",
				"http://0.0.0.0:8080", "http://[::1]:9999", "http://[fe80::1]", "http://[fd00::1]",
				"http://[::ffff:127.0.0.1]", "http://224.0.0.1")) {
			assertThatThrownBy(() -> policy.checkUrlAtSave("whatsapp.businessApiUrl", url)).as(url)
				.isInstanceOf(DestinationRefusedException.class)
				.hasMessageStartingWith("whatsapp.businessApiUrl: ");
		}
	}

	@Test
	void letsPublicAddressesThrough() {
		DestinationPolicy policy = policy(List.of(), Map.of("graph.example", "157.240.1.1,2a03:2880::1"));
		assertThatCode(() -> policy.checkUrlAtConnect("url", "https://graph.example/v21.0")).doesNotThrowAnyException();
		assertThatCode(() -> policy.checkAtConnect("host", "8.8.8.8")).doesNotThrowAnyException();
	}

	@Test
	void refusesANameWhenAnyOfItsAddressesIsInternal() {
		DestinationPolicy policy = policy(List.of(), Map.of("rebound.example", "157.240.1.1,127.0.0.1"));
		assertThatThrownBy(() -> policy.checkAtConnect("email.smtp.host", "rebound.example"))
			.isInstanceOf(DestinationRefusedException.class)
			.hasMessageContaining("loopback");
	}

	@Test
	void theAllowListNamesHostsAsWrittenAndNetworksByAddress() {
		DestinationPolicy policy = policy(List.of("127.0.0.1", "stand-in.local", "10.20.0.0/16"),
				Map.of("stand-in.local", "127.0.0.1", "localhost", "127.0.0.1", "storage.corp", "10.20.5.5"));
		assertThatCode(() -> policy.checkUrlAtConnect("url", "http://127.0.0.1:9999")).doesNotThrowAnyException();
		assertThatCode(() -> policy.checkAtConnect("host", "STAND-IN.local")).doesNotThrowAnyException();
		assertThatCode(() -> policy.checkUrlAtConnect("url", "https://storage.corp")).doesNotThrowAnyException();
		// localhost is the same address, but not the name the operator allowed.
		assertThatThrownBy(() -> policy.checkUrlAtConnect("url", "http://localhost:9999"))
			.isInstanceOf(DestinationRefusedException.class);
		assertThatThrownBy(() -> policy.checkAtConnect("host", "10.21.0.1"))
			.isInstanceOf(DestinationRefusedException.class);
	}

	@Test
	void anUnresolvableHostPassesAtSaveAndFailsAtConnect() {
		DestinationPolicy policy = policy(List.of(), Map.of());
		assertThatCode(() -> policy.checkAtSave("email.smtp.host", "smtp.example.invalid")).doesNotThrowAnyException();
		assertThatThrownBy(() -> policy.checkAtConnect("email.smtp.host", "smtp.example.invalid"))
			.isInstanceOf(DestinationRefusedException.class)
			.hasMessageContaining("does not resolve");
	}

	@Test
	void refusesUrlsThatAreNotHttpOrCarryUserInfo() {
		DestinationPolicy policy = policy(List.of(), Map.of());
		assertThatThrownBy(() -> policy.checkUrlAtSave("endpoint", "file:///etc/passwd"))
			.isInstanceOf(DestinationRefusedException.class);
		assertThatThrownBy(() -> policy.checkUrlAtSave("endpoint", "http://user@8.8.8.8"))
			.isInstanceOf(DestinationRefusedException.class);
	}

	@Test
	void classifiesAddressKinds() throws UnknownHostException {
		assertThat(DestinationPolicy.internalKind(InetAddress.getByName("169.254.169.254"))).isEqualTo("link-local");
		assertThat(DestinationPolicy.internalKind(InetAddress.getByName("fc00::5"))).isEqualTo("private");
		assertThat(DestinationPolicy.internalKind(InetAddress.getByName("1.1.1.1"))).isNull();
	}

}
