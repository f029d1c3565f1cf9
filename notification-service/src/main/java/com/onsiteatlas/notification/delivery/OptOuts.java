package com.onsiteatlas.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.config.NotificationProperties;
import com.onsiteatlas.notification.config.SecretBox;

/**
 * Recipients who unsubscribed from an event's non-transactional messages on a channel,
 * and the signed one-click unsubscribe links (RFC 8058) that put them there.
 */
@Component
class OptOuts {

	static final String COLLECTION = "opt_outs";

	private final ReactiveMongoTemplate mongo;

	private final SecretBox secrets;

	private final String baseUrl;

	private final Clock clock;

	OptOuts(ReactiveMongoTemplate mongo, SecretBox secrets, NotificationProperties properties, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
		this.secrets = secrets;
		this.baseUrl = properties.publicBaseUrl();
		mongo.indexOps(COLLECTION)
			.ensureIndex(new Index().on("event", Sort.Direction.ASC)
				.on("channel", Sort.Direction.ASC)
				.on("address", Sort.Direction.ASC)
				.unique())
			.onErrorResume((ex) -> Mono.empty())
			.subscribe();
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
		Document optOut = new Document("event", parts[0]).append("channel", parts[1])
			.append("address", parts[2])
			.append("createdAt", java.util.Date.from(this.clock.instant()));
		return this.mongo.insert(optOut, COLLECTION)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.just(optOut))
			.thenReturn(parts[2]);
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
		return this.mongo.exists(Query.query(
				Criteria.where("event").is(eventId).and("channel").is(channel).and("address").is(normalise(address))),
				COLLECTION);
	}

	Mono<Void> deleteEvent(String eventId) {
		return this.mongo.remove(Query.query(Criteria.where("event").is(eventId)), COLLECTION).then();
	}

	static String normalise(String address) {
		return (address != null) ? address.trim().toLowerCase(Locale.ROOT) : "";
	}

}
