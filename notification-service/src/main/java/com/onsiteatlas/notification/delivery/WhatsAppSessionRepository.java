package com.onsiteatlas.notification.delivery;

import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * When WhatsApp users last wrote to an event's number ({@code whatsapp_sessions}, one
 * document per {@link WhatsAppSessions#key event and phone}). A plain repository over the
 * template: the sessions have no document class.
 */
@Repository
class WhatsAppSessionRepository {

	private final ReactiveMongoTemplate mongo;

	WhatsAppSessionRepository(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Records that a user wrote to an event's number.
	 * @param eventId the conference
	 * @param phone the user's number
	 * @param at when
	 * @return completion
	 */
	Mono<Void> recordInbound(String eventId, String phone, Instant at) {
		return this.mongo
			.upsert(Query.query(Criteria.where("_id").is(WhatsAppSessions.key(eventId, phone))),
					new Update().set("lastInboundAt", at).set("event", eventId), WhatsAppSessions.COLLECTION)
			.then();
	}

	/**
	 * Whether a user wrote to an event's number after a time.
	 * @param eventId the conference
	 * @param phone the user's number
	 * @param since the start of the window
	 * @return true when the session is open
	 */
	Mono<Boolean> isOpenSince(String eventId, String phone, Instant since) {
		return this.mongo.exists(
				Query.query(
						Criteria.where("_id").is(WhatsAppSessions.key(eventId, phone)).and("lastInboundAt").gt(since)),
				WhatsAppSessions.COLLECTION);
	}

	/**
	 * Removes the sessions of a conference.
	 * @param eventId the conference
	 * @return completion
	 */
	Mono<Void> removeAllOfEvent(String eventId) {
		return this.mongo.remove(Query.query(Criteria.where("event").is(eventId)), WhatsAppSessions.COLLECTION).then();
	}

}
