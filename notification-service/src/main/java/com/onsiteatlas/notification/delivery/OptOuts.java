package com.onsiteatlas.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.config.NotificationProperties;
import com.onsiteatlas.notification.config.SecretBox;

/**
 * Recipients who unsubscribed from an event's non-transactional messages on a channel,
 * and the signed one-click unsubscribe links (RFC 8058) that put them there.
 */
@Component
class OptOuts {

	private final OptOutRepository optOuts;

	private final SecretBox secrets;

	private final String baseUrl;

	private final Clock clock;

	OptOuts(OptOutRepository optOuts, SecretBox secrets, NotificationProperties properties, Clock clock) {
		this.optOuts = optOuts;
		this.clock = clock;
		this.secrets = secrets;
		this.baseUrl = properties.publicBaseUrl();
	}

	String url(String eventId, String channel, String address) {
		String subject = eventId + "|" + channel + "|" + normalise(address);
		String encoded = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(subject.getBytes(StandardCharsets.UTF_8));
		return this.baseUrl + "/api/notifications/unsubscribe/" + encoded + "." + this.secrets.sign(subject);
	}

	/**
	 * Whether a token is one this service signed, so that the confirmation page of a
	 * forged link can be refused before anyone clicks.
	 * @param token the token of an unsubscribe link
	 * @return true when the signature and the shape are valid
	 */
	boolean isValid(String token) {
		return subjectOf(token) != null;
	}

	/**
	 * Records the opt-out a token stands for.
	 * @param token the token of an unsubscribe link
	 * @return the address, or empty when the token is forged or malformed
	 */
	Mono<String> optOut(String token) {
		String[] parts = subjectOf(token);
		if (parts == null) {
			return Mono.empty();
		}
		return this.optOuts.insertIfAbsent(parts[0], parts[1], parts[2], this.clock.instant()).thenReturn(parts[2]);
	}

	/**
	 * The event, channel and address a genuine token stands for; null when it is forged
	 * or malformed.
	 */
	private String[] subjectOf(String token) {
		int dot = token.lastIndexOf('.');
		if (dot <= 0) {
			return null;
		}
		String subject;
		try {
			subject = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (!this.secrets.verify(subject, token.substring(dot + 1))) {
			return null;
		}
		String[] parts = subject.split("\\|", 3);
		return (parts.length == 3) ? parts : null;
	}

	Mono<Boolean> isOptedOut(String eventId, String channel, String address) {
		return this.optOuts.exists(eventId, channel, normalise(address));
	}

	Mono<Void> deleteEvent(String eventId) {
		return this.optOuts.removeAllOfEvent(eventId);
	}

	static String normalise(String address) {
		return (address != null) ? address.trim().toLowerCase(Locale.ROOT) : "";
	}

}
