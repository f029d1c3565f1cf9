package com.onsiteatlas.notification.config;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notification-service ({@code atlas.notification.*}).
 *
 * @param encryptionKey base64 of the 32-byte AES key that protects provider secrets at
 * rest
 * @param triggerMaxAge event triggers fire only for domain events younger than this, so a
 * replay of the topics from offset 0 does not re-send history
 * @param publicBaseUrl the gateway URL recipients and providers reach (unsubscribe links,
 * callback signatures)
 * @param email e-mail channel settings
 * @param twilio Twilio settings
 * @param whatsapp WhatsApp Cloud API settings
 * @param dispatch dispatcher settings
 * @param rateLimits sends per second per channel ({@code email}, {@code sms},
 * {@code whatsapp})
 * @param schedule scheduler settings
 */
@ConfigurationProperties("atlas.notification")
public record NotificationProperties(String encryptionKey, @DefaultValue("24h") Duration triggerMaxAge,
		@DefaultValue("http://localhost:8080") String publicBaseUrl, @DefaultValue Email email,
		@DefaultValue Twilio twilio, @DefaultValue WhatsApp whatsapp, @DefaultValue Dispatch dispatch,
		Map<String, Double> rateLimits, @DefaultValue Schedule schedule) {

	public NotificationProperties {
		rateLimits = (rateLimits != null) ? Map.copyOf(rateLimits) : Map.of();
	}

	/**
	 * The configured rate of a channel, with defaults near the providers' documented
	 * limits.
	 * @param channel email, sms or whatsapp
	 * @return sends per second
	 */
	public double rateLimit(String channel) {
		return this.rateLimits.getOrDefault(channel, switch (channel) {
			case "sms" -> 1.0;
			case "whatsapp" -> 80.0;
			default -> 14.0;
		});
	}

	/**
	 * E-mail channel settings.
	 *
	 * @param reuseConnections keep SMTP connections open between sends (bulk)
	 * @param poolSize open connections per SMTP server
	 * @param timeout connect/read timeout of one SMTP exchange
	 * @param defaultSenderEmail sender when neither the event nor its config names one
	 * @param defaultSenderName sender name fallback
	 */
	public record Email(@DefaultValue("true") boolean reuseConnections, @DefaultValue("4") int poolSize,
			@DefaultValue("20s") Duration timeout,
			@DefaultValue("no-reply@onsiteatlas.local") String defaultSenderEmail,
			@DefaultValue("ONSITE ATLAS") String defaultSenderName) {
	}

	/**
	 * Twilio settings.
	 *
	 * @param baseUrl where Twilio's API is reached; null in production (the SDK's own
	 * hosts), a local stub in tests
	 * @param timeout request timeout
	 */
	public record Twilio(String baseUrl, @DefaultValue("15s") Duration timeout) {
	}

	/**
	 * WhatsApp Business Cloud API settings.
	 *
	 * @param baseUrl Graph API base
	 * @param timeout request timeout
	 */
	public record WhatsApp(@DefaultValue("https://graph.facebook.com/v21.0") String baseUrl,
			@DefaultValue("15s") Duration timeout) {
	}

	/**
	 * Dispatcher settings.
	 *
	 * @param enabled whether this instance dispatches
	 * @param pollInterval how often it looks for due notifications
	 * @param lease how long a claimed notification belongs to one dispatcher
	 * @param concurrency sends in flight per instance
	 * @param maxAttempts attempts before a transient failure becomes final
	 * @param initialBackoff first retry delay
	 * @param maxBackoff cap of the exponential retry delay
	 * @param maxDeferral how long a notification may wait for its provider's circuit
	 * breaker to close (sends deferred by an open breaker never reached the provider, so
	 * they do not count as attempts); older ones fail with {@code CIRCUIT_OPEN}
	 */
	public record Dispatch(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration pollInterval,
			@DefaultValue("2m") Duration lease, @DefaultValue("8") int concurrency, @DefaultValue("5") int maxAttempts,
			@DefaultValue("2s") Duration initialBackoff, @DefaultValue("10m") Duration maxBackoff,
			@DefaultValue("24h") Duration maxDeferral) {
	}

	/**
	 * Scheduler settings.
	 *
	 * @param enabled whether this instance fires scheduled triggers
	 * @param pollInterval how often it looks for due occurrences
	 * @param missedGrace an occurrence missed by less than this (downtime) still fires;
	 * older ones are skipped and logged
	 */
	public record Schedule(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration pollInterval,
			@DefaultValue("1h") Duration missedGrace) {
	}

}
