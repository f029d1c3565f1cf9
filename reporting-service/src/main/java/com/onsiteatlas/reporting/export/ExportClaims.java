package com.onsiteatlas.reporting.export;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * This instance's claims on export jobs. A pending job, or a processing one whose lease
 * ran out (its instance died), is claimed with an atomic findAndModify lease, so jobs
 * survive restarts and no two instances run one job at the same time; the writes of a
 * running job match only while this instance holds it.
 */
@Component
class ExportClaims {

	private final ReactiveMongoTemplate mongo;

	private final ExportProperties properties;

	private final Clock clock;

	private final String owner = UUID.randomUUID().toString();

	ExportClaims(ReactiveMongoTemplate mongo, ExportProperties properties, Clock clock) {
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Claims the oldest claimable job.
	 * @return the job, now processing under this instance's lease; empty when none is
	 * left
	 */
	Mono<ExportHistory> claim() {
		Instant now = this.clock.instant();
		Query claimable = Query
			.query(new Criteria().orOperator(Criteria.where("status").is(ExportStatus.PENDING.value()),
					new Criteria().andOperator(Criteria.where("status").is(ExportStatus.PROCESSING.value()),
							Criteria.where("leaseUntil").lt(Date.from(now)))))
			.with(Sort.by("createdAt"));
		Update update = new Update().set("status", ExportStatus.PROCESSING.value())
			.set("leaseOwner", this.owner)
			.set("leaseUntil", Date.from(now.plus(this.properties.lease())))
			.set("startedAt", Date.from(now))
			.set("progress", 0)
			.set("recordCount", 0L)
			.inc("attempts", 1);
		return this.mongo.findAndModify(claimable, update, FindAndModifyOptions.options().returnNew(true),
				ExportHistory.class);
	}

	/**
	 * The job, while this instance holds it.
	 * @param job a claimed job
	 * @return the query
	 */
	Query owned(ExportHistory job) {
		return Query.query(Criteria.where("_id").is(job.id()).and("leaseOwner").is(this.owner));
	}

	/**
	 * The job, while this instance holds it and it is processing.
	 * @param job a claimed job
	 * @return the query
	 */
	Query running(ExportHistory job) {
		return owned(job).addCriteria(Criteria.where("status").is(ExportStatus.PROCESSING.value()));
	}

	/**
	 * The job, while this instance holds it and it may still move to a status.
	 * @param job a claimed job
	 * @param next the status a write moves it to
	 * @return the query
	 */
	Query owned(ExportHistory job, ExportStatus next) {
		return owned(job).addCriteria(Criteria.where("status").in(ExportStatus.valuesThatCanBecome(next)));
	}

}
