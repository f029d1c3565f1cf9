package com.onsiteatlas.reporting.export;

import java.util.Date;
import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Deletes the files of completed jobs after their retention (the embedded MongoDB-wire
 * server has no TTL); {@link ExportWorker} calls it when a purge is due.
 */
@Component
class ExpiredExports {

	private final ReactiveMongoTemplate mongo;

	private final ExportFiles files;

	ExpiredExports(ReactiveMongoTemplate mongo, ExportFiles files) {
		this.mongo = mongo;
		this.files = files;
	}

	/**
	 * Deletes the files of completed jobs whose {@code expiresAt} is before a time and
	 * marks them expired.
	 * @param now the time to compare with
	 * @return completion
	 */
	Mono<Void> purge(Instant now) {
		Query expired = Query.query(Criteria.where("status")
			.is(ExportStatus.COMPLETED.value())
			.and("expiresAt")
			.lt(Date.from(now))
			.and("expired")
			.ne(true));
		return this.mongo.find(expired, ExportHistory.class)
			.concatMap((job) -> ((job.fileId() != null) ? this.files.delete(job.fileId()) : Mono.<Void>empty())
				.then(this.mongo.updateFirst(Query.query(Criteria.where("_id").is(job.id())),
						new Update().set("expired", true).unset("fileId"), ExportHistory.class)))
			.then();
	}

}
