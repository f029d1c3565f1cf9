package com.onsiteatlas.support.testapp;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.onsiteatlas.domainevents.conference.EventDeleted;
import com.onsiteatlas.support.messaging.DomainEventListener;

/**
 * A feature's reactions as annotated methods: counts deleted conferences with a
 * non-idempotent {@code $inc}, so a duplicate delivery would show.
 */
@Component
class ConferenceListeners {

	static final String COLLECTION = "deleted_conferences";

	private final ReactiveMongoTemplate mongo;

	ConferenceListeners(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@DomainEventListener
	Mono<Void> onEventDeleted(EventDeleted deleted) {
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(deleted.eventId())), new Update().inc("count", 1),
					FindAndModifyOptions.options().upsert(true).returnNew(true), org.bson.Document.class, COLLECTION)
			.then();
	}

}
