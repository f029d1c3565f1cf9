package com.onsiteatlas.reporting.readmodel;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.onsiteatlas.readmodel.NewerOnlyUpserts;

/**
 * The MongoDB side of {@link ReportRowRepositoryCustom}.
 */
class ReportRowRepositoryImpl implements ReportRowRepositoryCustom {

	private final ReactiveMongoTemplate mongo;

	ReportRowRepositoryImpl(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<Void> upsertIfNotOlder(String id, String rowType, String eventId, Map<String, Object> values,
			Instant at) {
		Update update = new Update().set("rowType", rowType)
			.set("eventId", eventId)
			.set("lastEventTime", Date.from(at))
			.setOnInsert("firstSeenAt", Date.from(at));
		values.forEach((field, value) -> update.set(ReportRow.VALUES + field, value));
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

	@Override
	public Mono<Void> upsertAllIfNotOlder(Collection<SnapshotRow> rows) {
		var converter = this.mongo.getConverter();
		return NewerOnlyUpserts.write(this.mongo, ReportRow.COLLECTION, rows.stream().map((row) -> {
			Document set = new Document("rowType", row.rowType()).append("eventId", row.eventId());
			row.values()
				.forEach((field, value) -> set.append(ReportRow.VALUES + field, converter.convertToMongoType(value)));
			Document setOnInsert = new Document("firstSeenAt", Date.from(row.firstSeenAt()));
			if ("registrations".equals(row.rowType())) {
				setOnInsert.append(ReportRow.VALUES + "registrationDate", Date.from(row.firstSeenAt()))
					.append(ReportRow.VALUES + "checkedIn", false);
			}
			return new NewerOnlyUpserts.Upsert(row.id(), row.at(), set, setOnInsert);
		}).toList());
	}

	@Override
	public Mono<Void> setValues(String id, Map<String, Object> values) {
		Update update = new Update();
		values.forEach((field, value) -> update.set(ReportRow.VALUES + field, value));
		return upsert(id, update);
	}

	@Override
	public Mono<Void> addToValues(String id, String field, Object value) {
		return upsert(id, new Update().addToSet(ReportRow.VALUES + field, value));
	}

	private Mono<Void> upsert(String id, Update update) {
		return this.mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, ReportRow.COLLECTION).then();
	}

}
