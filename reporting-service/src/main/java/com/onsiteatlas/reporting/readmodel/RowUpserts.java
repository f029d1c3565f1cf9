package com.onsiteatlas.reporting.readmodel;

import java.time.Instant;
import java.util.Date;

import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The writes of the read model: a snapshot's values set unless a newer snapshot was
 * applied already, and facts that accumulate set whatever the order.
 */
@Component
class RowUpserts {

	private final ReactiveMongoTemplate mongo;

	RowUpserts(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Sets the given values unless a newer snapshot was applied already. The guarded
	 * upsert of an outdated snapshot matches nothing and its insert collides on
	 * {@code _id}; that collision is the "ignore" case.
	 * @param id the row id ({@link #rowId})
	 * @param rowType the row type
	 * @param eventId the conference
	 * @param values the values
	 * @param at the time of the snapshot
	 * @return completion
	 */
	Mono<Void> upsert(String id, String rowType, String eventId, RowValues values, Instant at) {
		Update update = new Update().set("rowType", rowType)
			.set("eventId", eventId)
			.set("lastEventTime", Date.from(at))
			.setOnInsert("firstSeenAt", Date.from(at));
		values.asMap().forEach((field, value) -> update.set(ReportRow.VALUES + field, value));
		if ("registrations".equals(rowType)) {
			update.setOnInsert(ReportRow.VALUES + "registrationDate", Date.from(at))
				.setOnInsert(ReportRow.VALUES + "checkedIn", false);
		}
		// MongoDB uses the _id index here; the MongoDB-wire server only for a query that
		// is exactly {_id}, so this guarded one scans the collection there (see
		// docs/PERFORMANCE.md).
		Query newerOnly = Query.query(Criteria.where("_id")
			.is(id)
			.orOperator(Criteria.where("lastEventTime").exists(false),
					Criteria.where("lastEventTime").lte(Date.from(at))));
		return this.mongo.upsert(newerOnly, update, ReportRow.COLLECTION)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())
			.then();
	}

	/**
	 * Applies an update to a row whatever the order of the events (a fact that
	 * accumulates).
	 * @param id the row id
	 * @param update the update
	 * @return completion
	 */
	Mono<Void> apply(String id, Update update) {
		return this.mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, ReportRow.COLLECTION).then();
	}

	static String rowId(String rowType, String key) {
		return rowType + ":" + key;
	}

}
