package com.onsiteatlas.notification.channel;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * SMS through Twilio's Messages API.
 */
@Component
class SmsChannel implements Channel {

	private final TwilioClients twilio;

	SmsChannel(TwilioClients twilio) {
		this.twilio = twilio;
	}

	@Override
	public String name() {
		return "sms";
	}

	@Override
	public Mono<SendResult> send(OutgoingMessage message, ChannelSettings settings) {
		ChannelSettings.TwilioAccount account = settings.sms();
		if (message.to() == null || !message.to().matches("\\+[1-9]\\d{6,14}")) {
			return Mono.error(SendFailure.permanent("INVALID_NUMBER",
					"'" + message.to() + "' is not an E.164 phone number (+<country><number>)"));
		}
		return this.twilio.send(account, message.to(), (account != null) ? account.from() : null, message.text(),
				message.statusCallbackUrl(), "twilio");
	}

	@Override
	public Mono<ConnectionCheck> check(ChannelSettings settings) {
		return this.twilio.check("sms", settings.sms());
	}

}
