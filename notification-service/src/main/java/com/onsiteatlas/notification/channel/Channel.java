package com.onsiteatlas.notification.channel;

import reactor.core.publisher.Mono;

/**
 * Sends a message over one channel. Implementations run blocking provider libraries on
 * {@code boundedElastic} with a timeout, and signal failures as {@link SendFailure} that
 * say whether a retry can help.
 */
public interface Channel {

	/**
	 * The channel name.
	 * @return email, sms or whatsapp
	 */
	String name();

	/**
	 * Sends one message.
	 * @param message what and to whom
	 * @param settings the event's channel settings
	 * @return the provider's message id
	 */
	Mono<SendResult> send(OutgoingMessage message, ChannelSettings settings);

	/**
	 * Really connects to the provider with the settings (SMTP handshake and login, API
	 * credential check).
	 * @param settings the event's channel settings
	 * @return what worked or failed
	 */
	Mono<ConnectionCheck> check(ChannelSettings settings);

}
