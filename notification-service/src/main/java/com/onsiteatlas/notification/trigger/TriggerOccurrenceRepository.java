package com.onsiteatlas.notification.trigger;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The claimed occurrences of scheduled triggers ({@code trigger_occurrences}, one
 * document per {@code <trigger>@<instant>}). A plain repository over the template: the
 * occurrences have no document class, they are written as they always were.
 */
@Repository
class TriggerOccurrenceRepository {

	static final String OCCURRENCES = "trigger_occurrences";

	private final ReactiveMongoTemplate mongo;

	TriggerOccurrenceRepository(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Claims an occurrence by inserting it under its unique id.
	 * @param id {@code <trigger>@<instant>}
	 * @param trigger the trigger
	 * @param at when it was due
	 * @param missed whether it is recorded as missed instead of claimed
	 * @param now the current time
	 * @return true when this insert won, false when the occurrence was claimed already
	 */
	Mono<Boolean> claim(String id, NotificationTrigger trigger, Instant at, boolean missed, Instant now) {
		Document claim = new Document("_id", id).append("trigger", trigger.id())
			.append("event", trigger.event())
			.append("scheduledFor", Date.from(at))
			.append("status", missed ? "missed" : "claimed")
			.append("claimedAt", Date.from(now));
		return this.mongo.insert(claim, OCCURRENCES)
			.thenReturn(true)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.just(false));
	}

	/**
	 * The occurrences claimed before a time and not fired since (their instance died).
	 * @param claimedBefore the claim time before which a claim is stale
	 * @return the stale occurrences
	 */
	Flux<Occurrence> findStaleClaims(Instant claimedBefore) {
		Query stale = Query.query(Criteria.where("status").is("claimed").and("claimedAt").lt(claimedBefore));
		return this.mongo.find(stale, Document.class, OCCURRENCES)
			.map((document) -> new Occurrence(document.getString("_id"), document.getString("trigger")));
	}

	/**
	 * Records that an occurrence fired.
	 * @param id the occurrence
	 * @param queued how many notifications it queued
	 * @return completion
	 */
	Mono<Void> markFired(String id, int queued) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)),
					new Update().set("status", "fired").set("queued", queued), OCCURRENCES)
			.then();
	}

	/**
	 * Removes every occurrence of a conference.
	 * @param eventId the conference
	 * @return completion
	 */
	Mono<Void> removeAllOfEvent(String eventId) {
		return this.mongo.remove(Query.query(Criteria.where("event").is(eventId)), OCCURRENCES).then();
	}

	/**
	 * A claimed occurrence.
	 *
	 * @param id {@code <trigger>@<instant>}
	 * @param trigger the trigger id
	 */
	record Occurrence(String id, String trigger) {
	}

}
