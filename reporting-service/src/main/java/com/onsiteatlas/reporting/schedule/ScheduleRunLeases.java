package com.onsiteatlas.reporting.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.onsiteatlas.reporting.lease.LeaseKeeper;

/**
 * This instance's leases on open runs: which runs are free (no lease, or one that ran
 * out), taking one, keeping it while a step runs and letting it go. Only a dead
 * instance's run is taken over.
 */
@Component
class ScheduleRunLeases {

	private final ReactiveMongoTemplate mongo;

	private final ScheduleProperties properties;

	private final Clock clock;

	private final String owner = UUID.randomUUID().toString();

	ScheduleRunLeases(ReactiveMongoTemplate mongo, ScheduleProperties properties, Clock clock) {
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Open runs that no instance holds.
	 * @return the runs
	 */
	Flux<ScheduleRun> free() {
		Instant now = this.clock.instant();
		Query open = Query.query(Criteria.where("status")
			.in(ScheduleRunStatus.openValues())
			.orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(Date.from(now))));
		return this.mongo.find(open, ScheduleRun.class);
	}

	/**
	 * Takes a run's lease, if it is still free.
	 * @param run the run
	 * @return the run under this instance's lease; empty when another took it first
	 */
	Mono<ScheduleRun> take(ScheduleRun run) {
		Instant now = this.clock.instant();
		Query free = Query.query(Criteria.where("_id")
			.is(run.id())
			.and("status")
			.in(ScheduleRunStatus.openValues())
			.orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(Date.from(now))));
		return this.mongo.findAndModify(free,
				new Update().set("leaseOwner", this.owner).set("leaseUntil", now.plus(this.properties.lease())),
				FindAndModifyOptions.options().returnNew(true), ScheduleRun.class);
	}

	/**
	 * The run, while this instance holds its lease.
	 * @param run the run
	 * @return the query
	 */
	Query owned(ScheduleRun run) {
		return Query.query(Criteria.where("_id").is(run.id()).and("leaseOwner").is(this.owner));
	}

	/**
	 * Lets a run go, so that the next round looks at it again.
	 * @param run a run this instance holds
	 * @return completion
	 */
	Mono<Void> release(ScheduleRun run) {
		return this.mongo
			.updateFirst(owned(run), new Update().unset("leaseOwner").unset("leaseUntil"), ScheduleRun.class)
			.then();
	}

	/**
	 * Keeps a run's lease every third of the lease while this instance works on it, so
	 * that a delivery slower than the lease (an upload may take its 60 s timeout three
	 * times) is not taken over and sent again by another replica; once the lease is lost
	 * nothing is sent.
	 * @param run a run this instance holds
	 * @return the keeper, not started
	 */
	LeaseKeeper keeper(ScheduleRun run) {
		return new LeaseKeeper("schedule run " + run.id(), this.properties.lease().dividedBy(3), () -> this.mongo
			.updateFirst(owned(run), new Update().set("leaseUntil", this.clock.instant().plus(this.properties.lease())),
					ScheduleRun.class)
			.map((result) -> result.getMatchedCount() > 0));
	}

}
