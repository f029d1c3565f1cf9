package com.onsiteatlas.notification.delivery;

import org.junit.jupiter.api.Test;

import com.onsiteatlas.notification.channel.ChannelSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failing provider account opens only its own circuit breaker.
 */
class BreakerIsolationTests {

	private static ChannelSettings sms(String accountSid) {
		return new ChannelSettings("65f0a0000000000000000001", null, null, null, null, null,
				new ChannelSettings.TwilioAccount(accountSid, "token", "+15550000001", null), null);
	}

	@Test
	void eachTwilioAccountHasItsOwnBreaker() {
		assertThat(ProviderBreakers.breakerName("sms", sms("AC1"))).isEqualTo("twilio:AC1");
		assertThat(ProviderBreakers.breakerName("sms", sms("AC1")))
			.isNotEqualTo(ProviderBreakers.breakerName("sms", sms("AC2")));
	}

	@Test
	void eachWhatsAppNumberHasItsOwnBreaker() {
		ChannelSettings first = new ChannelSettings("e", null, null, null, null, null, null,
				new ChannelSettings.WhatsAppAccount("cloud-api", "111", "token", null, null));
		ChannelSettings second = new ChannelSettings("e", null, null, null, null, null, null,
				new ChannelSettings.WhatsAppAccount("cloud-api", "222", "token", null, null));
		assertThat(ProviderBreakers.breakerName("whatsapp", first))
			.isNotEqualTo(ProviderBreakers.breakerName("whatsapp", second));
	}

}
