package com.onsiteatlas.notification.delivery;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The opt-outs ({@code opt_outs}, unique per event, channel and normalised address). A
 * plain repository over the template: the opt-outs have no document class, they are
 * written as they always were.
 */
@Repository
class OptOutRepository {

	static final String COLLECTION = "opt_outs";

	private final ReactiveMongoTemplate mongo;

	OptOutRepository(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
		mongo.indexOps(COLLECTION)
			.ensureIndex(new Index().on("event", Sort.Direction.ASC)
				.on("channel", Sort.Direction.ASC)
				.on("address", Sort.Direction.ASC)
				.unique())
			.onErrorResume((ex) -> Mono.empty())
			.subscribe();
	}

	/**
	 * Records an opt-out; one recorded already is kept as it is.
	 * @param eventId the conference
	 * @param channel the channel
	 * @param address the normalised address
	 * @param at when
	 * @return completion
	 */
	Mono<Void> insertIfAbsent(String eventId, String channel, String address, Instant at) {
		Document optOut = new Document("event", eventId).append("channel", channel)
			.append("address", address)
			.append("createdAt", Date.from(at));
		return this.mongo.insert(optOut, COLLECTION)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.just(optOut))
			.then();
	}

	/**
	 * Whether an address opted out of a conference's messages on a channel.
	 * @param eventId the conference
	 * @param channel the channel
	 * @param address the normalised address
	 * @return true when it did
	 */
	Mono<Boolean> exists(String eventId, String channel, String address) {
		return this.mongo.exists(
				Query.query(Criteria.where("event").is(eventId).and("channel").is(channel).and("address").is(address)),
				COLLECTION);
	}

	/**
	 * Removes the opt-outs of a conference.
	 * @param eventId the conference
	 * @return completion
	 */
	Mono<Void> removeAllOfEvent(String eventId) {
		return this.mongo.remove(Query.query(Criteria.where("event").is(eventId)), COLLECTION).then();
	}

}
