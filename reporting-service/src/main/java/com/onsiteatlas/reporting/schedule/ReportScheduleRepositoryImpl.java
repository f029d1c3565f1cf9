package com.onsiteatlas.reporting.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.onsiteatlas.support.crypto.KeyPurpose;
import com.onsiteatlas.support.crypto.Keyring;
import com.onsiteatlas.support.crypto.RekeyReport;
import com.onsiteatlas.support.crypto.SealedValues;
import com.onsiteatlas.support.paging.MongoPaging;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;

/**
 * The MongoDB side of {@link ReportScheduleRepositoryCustom}.
 */
class ReportScheduleRepositoryImpl implements ReportScheduleRepositoryCustom {

	private final ReactiveMongoTemplate mongo;

	ReportScheduleRepositoryImpl(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<Paged<ReportSchedule>> page(ScheduleSearch search, PageQuery page) {
		List<Criteria> all = new ArrayList<>();
		all.add(visibleTo(search.viewer()));
		if (search.eventId() != null) {
			all.add(Criteria.where("eventId").is(search.eventId()));
		}
		if (search.active() != null) {
			all.add(Criteria.where("isActive").is(search.active()));
		}
		if (search.frequency() != null) {
			all.add(Criteria.where("schedule.frequency").is(search.frequency()));
		}
		return MongoPaging.find(this.mongo, Query.query(new Criteria().andOperator(all)), ReportSchedule.class, page);
	}

	@Override
	public Mono<ReportSchedule> findVisible(String id, ScheduleViewer viewer) {
		return this.mongo.findOne(
				Query.query(new Criteria().andOperator(Criteria.where("_id").is(id), visibleTo(viewer))),
				ReportSchedule.class);
	}

	private static Criteria visibleTo(ScheduleViewer viewer) {
		Criteria owned = new Criteria().orOperator(Criteria.where("createdBy").is(viewer.userId()),
				Criteria.where("isGlobal").is(true));
		if (viewer.boundEventId() == null) {
			return owned;
		}
		return new Criteria().andOperator(owned, Criteria.where("eventId").is(viewer.boundEventId()));
	}

	@Override
	public Flux<ReportSchedule> findDue(Instant now) {
		Query due = Query.query(Criteria.where("isActive").is(true).and("nextRun").lte(Date.from(now)));
		return this.mongo.find(due, ReportSchedule.class);
	}

	@Override
	public Mono<Void> advanceIfAt(String id, Instant occurrence, Instant next) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id).and("nextRun").is(occurrence)),
					new Update().set("nextRun", next).set("lastRun", occurrence), ReportSchedule.class)
			.then();
	}

	@Override
	public Mono<Void> setLastRun(String id, Instant lastRun) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("lastRun", lastRun),
					ReportSchedule.class)
			.then();
	}

	@Override
	public Mono<Void> recordSuccess(String id) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)),
					new Update().set("lastStatus", "success").set("failureCount", 0).unset("lastError"),
					ReportSchedule.class)
			.then();
	}

	@Override
	public Mono<Void> recordFailure(String id, String reason) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)),
					new Update().set("lastStatus", "failed").set("lastError", reason).inc("failureCount", 1),
					ReportSchedule.class)
			.then();
	}

	@Override
	public Flux<ReportSchedule> findWithCloudConfig() {
		return this.mongo.find(Query.query(Criteria.where("delivery.cloudStorage.config").exists(true)),
				ReportSchedule.class);
	}

	@Override
	public Mono<Long> replaceIfUnchanged(String id, String path, Object read, Object value) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id).and(path).is(read)), new Update().set(path, value),
					ReportSchedule.class)
			.map((result) -> result.getModifiedCount());
	}

	@Override
	public Mono<RekeyReport> resealSecrets(Keyring keyring) {
		return new SealedValues(this.mongo, keyring, KeyPurpose.PROVIDER_SECRETS).rekey(ReportSchedule.COLLECTION);
	}

}
