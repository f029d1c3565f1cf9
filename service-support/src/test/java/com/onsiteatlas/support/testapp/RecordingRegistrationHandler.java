package com.onsiteatlas.support.testapp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.MongoTimeoutException;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.registration.RegistrationCreated;
import com.onsiteatlas.support.messaging.DomainEventHandler;
import com.onsiteatlas.support.messaging.NonRetryableEventException;

/**
 * Counts deliveries per registration with a non-idempotent {@code $inc}, so a duplicate
 * delivery would show. First names steer failures: {@code FailTwice} fails twice then
 * succeeds, {@code AlwaysFail} always fails, {@code Invalid} fails permanently,
 * {@code DatabaseDown} finds the database unavailable ten times (more than the retry
 * attempts) before it succeeds.
 */
@Component
class RecordingRegistrationHandler implements DomainEventHandler<RegistrationCreated> {

	static final String COLLECTION = "seen_registrations";

	final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	private final ReactiveMongoTemplate mongo;

	RecordingRegistrationHandler(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Class<RegistrationCreated> payloadType() {
		return RegistrationCreated.class;
	}

	@Override
	public Mono<Void> on(EventEnvelope<RegistrationCreated> event) {
		String registrationId = event.data().registration().id();
		int attempt = this.attempts.computeIfAbsent(registrationId, (id) -> new AtomicInteger()).incrementAndGet();
		String firstName = event.data().registration().personalInfo().firstName();
		if (firstName.equals("FailTwice") && attempt <= 2) {
			return Mono.error(new IllegalStateException("transient failure " + attempt));
		}
		if (firstName.equals("DatabaseDown") && attempt <= 10) {
			return Mono.error(new DataAccessResourceFailureException("Timed out while waiting for a server",
					new MongoTimeoutException("Timed out while waiting for a server")));
		}
		if (firstName.equals("AlwaysFail")) {
			return Mono.error(new IllegalStateException("always fails"));
		}
		if (firstName.equals("Invalid")) {
			return Mono.error(new NonRetryableEventException("cannot ever process"));
		}
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(registrationId)), new Update().inc("count", 1),
					FindAndModifyOptions.options().upsert(true).returnNew(true), org.bson.Document.class, COLLECTION)
			.then();
	}

}
