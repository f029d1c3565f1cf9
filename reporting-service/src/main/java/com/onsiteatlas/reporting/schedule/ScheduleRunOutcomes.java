package com.onsiteatlas.reporting.schedule;

import java.time.Clock;
import java.time.Instant;

import reactor.core.publisher.Mono;

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
 * The status changes of a run, each written only while this instance holds the run's
 * lease and only from a status that may become the new one; delivery and failure are
 * recorded on the schedule too (last status, last error, failures since the last
 * success).
 */
@Component
class ScheduleRunOutcomes {

	private final ReactiveMongoTemplate mongo;

	private final ScheduleRunLeases leases;

	private final Clock clock;

	private final AuditLog audit;

	ScheduleRunOutcomes(ReactiveMongoTemplate mongo, ScheduleRunLeases leases, Clock clock, AuditLog audit) {
		this.mongo = mongo;
		this.audit = audit;
		this.leases = leases;
		this.clock = clock;
	}

	/**
	 * Records the export job of a run and lets the run go until the job is done.
	 * @param run the run
	 * @param jobId its export job
	 * @return completion
	 */
	Mono<Void> exporting(ScheduleRun run, String jobId) {
		return this.mongo
			.updateFirst(owned(run, ScheduleRunStatus.EXPORTING),
					new Update().set("status", ScheduleRunStatus.EXPORTING.value())
						.set("jobId", jobId)
						.unset("leaseOwner")
						.unset("leaseUntil"),
					ScheduleRun.class)
			.then();
	}

	/**
	 * Records a delivery on the run and the schedule.
	 * @param run the run
	 * @param target where the file went
	 * @return completion
	 */
	Mono<Void> delivered(ScheduleRun run, String target) {
		Instant now = this.clock.instant();
		return this.mongo
			.updateFirst(owned(run, ScheduleRunStatus.DELIVERED),
					new Update().set("status", ScheduleRunStatus.DELIVERED.value())
						.set("deliveredTo", target)
						.set("completedAt", now)
						.unset("leaseOwner")
						.unset("leaseUntil"),
					ScheduleRun.class)
			// Only the lease holder records the outcome on the schedule.
			.filter((result) -> result.getMatchedCount() > 0)
			.flatMap((result) -> this.mongo.updateFirst(Query.query(Criteria.where("_id").is(run.scheduleId())),
					new Update().set("lastStatus", "success").set("failureCount", 0).unset("lastError"),
					ReportSchedule.class))
			.flatMap((result) -> audited(run, ReportingAuditAction.SCHEDULE_RUN_DELIVERED, "delivered to " + target))
			.then();
	}

	/**
	 * Records a failure on the run and the schedule.
	 * @param run the run
	 * @param reason why
	 * @return completion
	 */
	Mono<Void> failed(ScheduleRun run, String reason) {
		Instant now = this.clock.instant();
		return this.mongo
			.updateFirst(owned(run, ScheduleRunStatus.FAILED),
					new Update().set("status", ScheduleRunStatus.FAILED.value())
						.set("error", reason)
						.set("completedAt", now)
						.unset("leaseOwner")
						.unset("leaseUntil"),
					ScheduleRun.class)
			// Only the lease holder records the outcome on the schedule.
			.filter((result) -> result.getMatchedCount() > 0)
			.flatMap((result) -> this.mongo.updateFirst(Query.query(Criteria.where("_id").is(run.scheduleId())),
					new Update().set("lastStatus", "failed").set("lastError", reason).inc("failureCount", 1),
					ReportSchedule.class))
			.flatMap((result) -> audited(run, ReportingAuditAction.SCHEDULE_RUN_FAILED, "failed: " + reason))
			.then();
	}

	/**
	 * Records an outcome; the actor is the schedule, whoever started the run (the outcome
	 * comes from the background worker).
	 */
	private Mono<Void> audited(ScheduleRun run, ReportingAuditAction action, String summary) {
		return this.mongo.findById(run.scheduleId(), ReportSchedule.class)
			.flatMap((schedule) -> this.audit.recordAs(
					AuditRecord.of(schedule.eventId(), action, "schedule-run", run.id(),
							summary + " (schedule '" + schedule.name() + "')"),
					AuditActor.system("schedule", schedule.id())));
	}

	private Query owned(ScheduleRun run, ScheduleRunStatus next) {
		return this.leases.owned(run)
			.addCriteria(Criteria.where("status").in(ScheduleRunStatus.valuesThatCanBecome(next)));
	}

}
