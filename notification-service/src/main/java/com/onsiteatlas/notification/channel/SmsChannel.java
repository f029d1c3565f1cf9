package com.onsiteatlas.notification.channel;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * SMS through the event's configured provider (Twilio, AWS SNS, TextLocal, MSG91 or the
 * organiser's own webhook), chosen by name. A provider that is not configured or not
 * supported fails the send permanently ({@code PROVIDER_NOT_CONFIGURED}): a message never
 * goes out through another provider than the organiser chose.
 */
@Component
class SmsChannel implements Channel {

	private final Map<String, SmsProvider> providers;

	SmsChannel(List<SmsProvider> providers) {
		this.providers = providers.stream()
			.collect(Collectors.toUnmodifiableMap(SmsProvider::name, Function.identity()));
	}

	@Override
	public String name() {
		return "sms";
	}

	@Override
	public Mono<SendResult> send(OutgoingMessage message, ChannelSettings settings) {
		if (message.to() == null || !message.to().matches("\\+[1-9]\\d{6,14}")) {
			return Mono.error(SendFailure.permanent("INVALID_NUMBER",
					"'" + message.to() + "' is not an E.164 phone number (+<country><number>)"));
		}
		ChannelSettings.SmsAccount account = settings.smsAccount();
		if (account == null || account.provider() == null) {
			return Mono.error(SendFailure.permanent("PROVIDER_NOT_CONFIGURED",
					"No SMS provider is configured for this event (sms.provider)"));
		}
		SmsProvider provider = this.providers.get(account.provider());
		if (provider == null) {
			return Mono.error(SendFailure.permanent("PROVIDER_NOT_CONFIGURED",
					"SMS provider '" + account.provider() + "' is not supported (one of " + names() + ")"));
		}
		return provider.send(message, settings);
	}

	@Override
	public Mono<ConnectionCheck> check(ChannelSettings settings) {
		ChannelSettings.SmsAccount account = settings.smsAccount();
		SmsProvider provider = (account != null && account.provider() != null) ? this.providers.get(account.provider())
				: null;
		if (provider == null) {
			return Mono.just(ConnectionCheck.failed("sms", ConnectionResult.NOT_CONFIGURED,
					"No supported SMS provider is configured (one of " + names() + ")"));
		}
		return provider.check(settings);
	}

	private String names() {
		return this.providers.keySet().stream().sorted().collect(Collectors.joining(", "));
	}

}
