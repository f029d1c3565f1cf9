package com.onsiteatlas.notification.channel;

import reactor.core.publisher.Mono;

/**
 * One SMS provider's API: sends a text to an E.164 number and checks the credentials.
 * {@link SmsChannel} chooses one by the event's configured provider name; the message is
 * validated before it gets here.
 */
interface SmsProvider {

	/**
	 * The provider name as configured ({@code sms.provider}).
	 * @return twilio, aws-sns, textlocal, msg91 or other
	 */
	String name();

	/**
	 * Sends one text.
	 * @param message the message (its {@code to} is E.164)
	 * @param settings the event's channel settings; its {@code smsAccount} names this
	 * provider
	 * @return the provider's message id; a {@link SendFailure} that says whether a retry
	 * can help
	 */
	Mono<SendResult> send(OutgoingMessage message, ChannelSettings settings);

	/**
	 * Checks the credentials with the provider, without sending a message.
	 * @param settings the event's channel settings
	 * @return what worked or failed, never the provider's own text
	 */
	Mono<ConnectionCheck> check(ChannelSettings settings);

}
