package com.onsiteatlas.notification.channel;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The SMS channel picks the configured provider by name and never another one.
 */
class SmsChannelTests {

	/** A provider that records the sends it is given. */
	static final class Recording implements SmsProvider {

		final String name;

		final List<String> sent = new ArrayList<>();

		Recording(String name) {
			this.name = name;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public Mono<SendResult> send(OutgoingMessage message, ChannelSettings settings) {
			this.sent.add(message.to());
			return Mono.just(new SendResult(this.name + "-1", this.name));
		}

		@Override
		public Mono<ConnectionCheck> check(ChannelSettings settings) {
			return Mono.just(ConnectionCheck.ok("sms", this.name));
		}

	}

	final Recording twilio = new Recording("twilio");

	final Recording textlocal = new Recording("textlocal");

	final SmsChannel channel = new SmsChannel(List.of(this.twilio, this.textlocal));

	static OutgoingMessage message(String to) {
		return new OutgoingMessage("n1", "Priya", to, null, null, "Hi", null, null, null, false, null);
	}

	static ChannelSettings settings(String provider) {
		ChannelSettings.TwilioAccount twilio = new ChannelSettings.TwilioAccount("AC1", "token", "+15550000001", null);
		return new ChannelSettings("e1", null, null, null, null, null, twilio, null,
				new ChannelSettings.SmsAccount(provider, null, null, null, null, null));
	}

	@Test
	void sendsThroughTheConfiguredProvider() {
		SendResult result = this.channel.send(message("+919812345678"), settings("textlocal")).block();
		assertThat(result.provider()).isEqualTo("textlocal");
		assertThat(this.textlocal.sent).containsExactly("+919812345678");
		assertThat(this.twilio.sent).isEmpty();
	}

	@Test
	void failsPermanentlyForAnUnsupportedProviderInsteadOfFallingBackToTwilio() {
		Throwable failure = catchThrowable(
				() -> this.channel.send(message("+919812345678"), settings("carrier-pigeon")).block());
		assertThat(failure).isInstanceOf(SendFailure.class);
		assertThat(((SendFailure) failure).code()).isEqualTo("PROVIDER_NOT_CONFIGURED");
		assertThat(((SendFailure) failure).isTransient()).isFalse();
		assertThat(failure.getMessage()).contains("carrier-pigeon");
		assertThat(this.twilio.sent).isEmpty();
	}

	@Test
	void failsPermanentlyWithoutAProvider() {
		ChannelSettings none = new ChannelSettings("e1", null, null, null, null, null, null, null, null);
		Throwable failure = catchThrowable(() -> this.channel.send(message("+919812345678"), none).block());
		assertThat(((SendFailure) failure).code()).isEqualTo("PROVIDER_NOT_CONFIGURED");
		assertThat(this.channel.check(none).block().result()).isEqualTo(ConnectionResult.NOT_CONFIGURED);
	}

	@Test
	void refusesANumberThatIsNotE164BeforeAnyProvider() {
		Throwable failure = catchThrowable(() -> this.channel.send(message("98123"), settings("twilio")).block());
		assertThat(((SendFailure) failure).code()).isEqualTo("INVALID_NUMBER");
		assertThat(this.twilio.sent).isEmpty();
	}

}
