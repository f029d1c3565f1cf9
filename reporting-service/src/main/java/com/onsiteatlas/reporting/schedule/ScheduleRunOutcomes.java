package com.onsiteatlas.reporting.schedule;

import java.time.Clock;
import java.time.Instant;

import reactor.core.publisher.Mono;

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

	private final ReportScheduleRepository schedules;

	private final ScheduleRunRepository runs;

	private final ScheduleRunLeases leases;

	private final Clock clock;

	private final AuditLog audit;

	ScheduleRunOutcomes(ReportScheduleRepository schedules, ScheduleRunRepository runs, ScheduleRunLeases leases,
			Clock clock, AuditLog audit) {
		this.schedules = schedules;
		this.runs = runs;
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
		return this.runs.exportingIfOwned(run.id(), this.leases.owner(), jobId);
	}

	/**
	 * Records a delivery on the run and the schedule.
	 * @param run the run
	 * @param target where the file went
	 * @return completion
	 */
	Mono<Void> delivered(ScheduleRun run, String target) {
		Instant now = this.clock.instant();
		return this.runs.deliveredIfOwned(run.id(), this.leases.owner(), target, now)
			// Only the lease holder records the outcome on the schedule.
			.filter((matched) -> matched)
			.flatMap((matched) -> this.schedules.recordSuccess(run.scheduleId())
				.then(audited(run, ReportingAuditAction.SCHEDULE_RUN_DELIVERED, "delivered to " + target)))
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
		return this.runs.failedIfOwned(run.id(), this.leases.owner(), reason, now)
			// Only the lease holder records the outcome on the schedule.
			.filter((matched) -> matched)
			.flatMap((matched) -> this.schedules.recordFailure(run.scheduleId(), reason)
				.then(audited(run, ReportingAuditAction.SCHEDULE_RUN_FAILED, "failed: " + reason)))
			.then();
	}

	/**
	 * Records an outcome; the actor is the schedule, whoever started the run (the outcome
	 * comes from the background worker).
	 */
	private Mono<Void> audited(ScheduleRun run, ReportingAuditAction action, String summary) {
		return this.schedules.findById(run.scheduleId())
			.flatMap((schedule) -> this.audit.recordAs(
					AuditRecord.of(schedule.eventId(), action, "schedule-run", run.id(),
							summary + " (schedule '" + schedule.name() + "')"),
					AuditActor.system("schedule", schedule.id())));
	}

}
