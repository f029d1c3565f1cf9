package com.onsiteatlas.reporting.schedule;

import java.time.Instant;
import java.util.Date;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The MongoDB side of {@link ScheduleRunRepositoryCustom}.
 */
class ScheduleRunRepositoryImpl implements ScheduleRunRepositoryCustom {

	private final ReactiveMongoTemplate mongo;

	ScheduleRunRepositoryImpl(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Flux<ScheduleRun> findFree(Instant now) {
		Query open = Query.query(Criteria.where("status")
			.in(ScheduleRunStatus.openValues())
			.orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(Date.from(now))));
		return this.mongo.find(open, ScheduleRun.class);
	}

	@Override
	public Mono<ScheduleRun> takeIfFree(String id, String owner, Instant now, Instant leaseUntil) {
		Query free = Query.query(Criteria.where("_id")
			.is(id)
			.and("status")
			.in(ScheduleRunStatus.openValues())
			.orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(Date.from(now))));
		return this.mongo.findAndModify(free, new Update().set("leaseOwner", owner).set("leaseUntil", leaseUntil),
				FindAndModifyOptions.options().returnNew(true), ScheduleRun.class);
	}

	@Override
	public Mono<Boolean> renewIfOwned(String id, String owner, Instant leaseUntil) {
		return this.mongo.updateFirst(owned(id, owner), new Update().set("leaseUntil", leaseUntil), ScheduleRun.class)
			.map((result) -> result.getMatchedCount() > 0);
	}

	@Override
	public Mono<Void> releaseIfOwned(String id, String owner) {
		return this.mongo
			.updateFirst(owned(id, owner), new Update().unset("leaseOwner").unset("leaseUntil"), ScheduleRun.class)
			.then();
	}

	@Override
	public Mono<Void> exportingIfOwned(String id, String owner, String jobId) {
		return this.mongo
			.updateFirst(owned(id, owner, ScheduleRunStatus.EXPORTING),
					new Update().set("status", ScheduleRunStatus.EXPORTING.value())
						.set("jobId", jobId)
						.unset("leaseOwner")
						.unset("leaseUntil"),
					ScheduleRun.class)
			.then();
	}

	@Override
	public Mono<Boolean> deliveredIfOwned(String id, String owner, String target, Instant completedAt) {
		return this.mongo
			.updateFirst(owned(id, owner, ScheduleRunStatus.DELIVERED),
					new Update().set("status", ScheduleRunStatus.DELIVERED.value())
						.set("deliveredTo", target)
						.set("completedAt", completedAt)
						.unset("leaseOwner")
						.unset("leaseUntil"),
					ScheduleRun.class)
			.map((result) -> result.getMatchedCount() > 0);
	}

	@Override
	public Mono<Boolean> failedIfOwned(String id, String owner, String reason, Instant completedAt) {
		return this.mongo
			.updateFirst(owned(id, owner, ScheduleRunStatus.FAILED),
					new Update().set("status", ScheduleRunStatus.FAILED.value())
						.set("error", reason)
						.set("completedAt", completedAt)
						.unset("leaseOwner")
						.unset("leaseUntil"),
					ScheduleRun.class)
			.map((result) -> result.getMatchedCount() > 0);
	}

	/** The run while this owner holds its lease. */
	private static Query owned(String id, String owner) {
		return Query.query(Criteria.where("_id").is(id).and("leaseOwner").is(owner));
	}

	/** The run while this owner holds its lease and it may still move to a status. */
	private static Query owned(String id, String owner, ScheduleRunStatus next) {
		return owned(id, owner).addCriteria(Criteria.where("status").in(ScheduleRunStatus.valuesThatCanBecome(next)));
	}

}
