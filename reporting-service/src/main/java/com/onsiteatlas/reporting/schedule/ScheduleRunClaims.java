package com.onsiteatlas.reporting.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.onsiteatlas.reporting.audit.ReportingAuditAction;
import com.onsiteatlas.support.audit.AuditActor;
import com.onsiteatlas.support.audit.AuditLog;
import com.onsiteatlas.support.audit.AuditRecord;

/**
 * Starts runs. An occurrence is claimed by inserting its {@link ScheduleRun} (a unique id
 * per schedule and occurrence), then the schedule's {@code nextRun} is moved on with a
 * guarded update; both steps are idempotent, so replicas and restarts run each occurrence
 * once. A run-now is a run of its own.
 */
@Component
class ScheduleRunClaims {

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final AuditLog audit;

	ScheduleRunClaims(ReactiveMongoTemplate mongo, Clock clock, AuditLog audit) {
		this.mongo = mongo;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Claims the due occurrence of every active schedule and moves its {@code nextRun}
	 * on.
	 * @return completion
	 */
	Mono<Void> claimDue() {
		Instant now = this.clock.instant();
		Query due = Query.query(Criteria.where("isActive").is(true).and("nextRun").lte(Date.from(now)));
		return this.mongo.find(due, ReportSchedule.class).concatMap((schedule) -> {
			Instant occurrence = schedule.nextRun();
			ScheduleRun run = new ScheduleRun(schedule.id() + ":" + occurrence.toEpochMilli(), schedule.id(),
					occurrence, ScheduleRunStatus.CLAIMED, null, null, null, null, null, now, null);
			Instant next = Occurrences.next(schedule.schedule(), now.isAfter(occurrence) ? now : occurrence);
			// Only the instance whose insert claimed the occurrence records its start.
			Mono<Void> claim = this.mongo.insert(run)
				.flatMap((claimed) -> this.audit.recordAs(
						AuditRecord.of(schedule.eventId(), ReportingAuditAction.SCHEDULE_RUN_STARTED, "schedule-run",
								claimed.id(), "occurrence " + occurrence + " of schedule '" + schedule.name() + "'"),
						AuditActor.system("schedule", schedule.id())))
				.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty());
			Mono<Void> advance = this.mongo
				.updateFirst(Query.query(Criteria.where("_id").is(schedule.id()).and("nextRun").is(occurrence)),
						new Update().set("nextRun", next).set("lastRun", occurrence), ReportSchedule.class)
				.then();
			return claim.then(advance);
		}).then();
	}

	/**
	 * Starts a run of a schedule now, besides its planned occurrences.
	 * @param schedule the schedule
	 * @return the claimed run
	 */
	Mono<ScheduleRun> runNow(ReportSchedule schedule) {
		Instant now = this.clock.instant();
		ScheduleRun run = new ScheduleRun(schedule.id() + ":manual:" + new ObjectId().toHexString(), schedule.id(), now,
				ScheduleRunStatus.CLAIMED, null, null, null, null, null, now, null);
		return this.mongo.insert(run)
			.flatMap((saved) -> this.mongo
				.updateFirst(Query.query(Criteria.where("_id").is(schedule.id())), new Update().set("lastRun", now),
						ReportSchedule.class)
				.thenReturn(saved));
	}

}
