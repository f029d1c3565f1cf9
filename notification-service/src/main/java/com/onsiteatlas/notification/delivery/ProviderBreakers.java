package com.onsiteatlas.notification.delivery;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import com.onsiteatlas.notification.channel.ChannelSettings;
import com.onsiteatlas.notification.channel.SendFailure;

/**
 * The circuit breakers of the dispatcher, one per provider account, so one event's
 * failing account (or SMTP server) never pauses the sends of events that use another.
 * Only transient failures count against a breaker.
 */
class ProviderBreakers {

	/** How long an open breaker stays open before it lets trial sends through. */
	static final Duration OPEN_WAIT = Duration.ofSeconds(30);

	private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
		.slidingWindowSize(20)
		.minimumNumberOfCalls(10)
		.failureRateThreshold(50)
		.waitDurationInOpenState(OPEN_WAIT)
		.permittedNumberOfCallsInHalfOpenState(2)
		.recordException((ex) -> ex instanceof SendFailure failure && failure.isTransient())
		.build());

	/**
	 * The breaker of the account a channel sends through.
	 * @param channel email, sms or whatsapp
	 * @param settings the event's channel settings
	 * @return the breaker
	 */
	CircuitBreaker of(String channel, ChannelSettings settings) {
		return this.registry.circuitBreaker(breakerName(channel, settings));
	}

	CircuitBreakerRegistry registry() {
		return this.registry;
	}

	/**
	 * The name of the breaker of a provider account.
	 * @param channel email, sms or whatsapp
	 * @param settings the event's channel settings
	 * @return the SMTP host, SMS provider account or WhatsApp account the channel uses
	 */
	static String breakerName(String channel, ChannelSettings settings) {
		return switch (channel) {
			case "email" -> "smtp:" + ((settings.smtp() != null) ? settings.smtp().host() : "global");
			case "sms" -> (settings.smsAccount() != null) ? settings.smsAccount().breakerName() : "sms:none";
			default -> {
				if (settings.whatsapp() == null) {
					yield "whatsapp";
				}
				ChannelSettings.WhatsAppAccount account = settings.whatsapp();
				yield "whatsapp:" + account.provider() + ":"
						+ (("twilio".equals(account.provider()) && account.twilio() != null)
								? account.twilio().accountSid() : account.phoneNumberId());
			}
		};
	}

}
