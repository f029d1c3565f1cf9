package com.onsiteatlas.notification.channel;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * SMS through Twilio's Messages API (twilio-java, {@link TwilioClients}).
 */
@Component
class TwilioSms implements SmsProvider {

	private final TwilioClients twilio;

	TwilioSms(TwilioClients twilio) {
		this.twilio = twilio;
	}

	@Override
	public String name() {
		return "twilio";
	}

	@Override
	public Mono<SendResult> send(OutgoingMessage message, ChannelSettings settings) {
		ChannelSettings.TwilioAccount account = settings.smsAccount().twilio();
		if (account == null || account.accountSid() == null || account.authToken() == null) {
			return Mono.error(SmsHttpFailures.notConfigured(name(), "accountSid and authToken are required"));
		}
		return this.twilio.send(account, message.to(), account.from(), message.text(), message.statusCallbackUrl(),
				"twilio");
	}

	@Override
	public Mono<ConnectionCheck> check(ChannelSettings settings) {
		return this.twilio.check("sms", settings.smsAccount().twilio());
	}

}
