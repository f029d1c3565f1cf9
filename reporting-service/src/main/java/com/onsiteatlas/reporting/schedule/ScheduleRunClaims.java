package com.onsiteatlas.reporting.schedule;

import java.time.Clock;
import java.time.Instant;

import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
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

	private final ReportScheduleRepository schedules;

	private final ScheduleRunRepository runs;

	private final Clock clock;

	private final AuditLog audit;

	ScheduleRunClaims(ReportScheduleRepository schedules, ScheduleRunRepository runs, Clock clock, AuditLog audit) {
		this.schedules = schedules;
		this.runs = runs;
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
		return this.schedules.findDue(now).concatMap((schedule) -> {
			Instant occurrence = schedule.nextRun();
			ScheduleRun run = new ScheduleRun(schedule.id() + ":" + occurrence.toEpochMilli(), schedule.id(),
					occurrence, ScheduleRunStatus.CLAIMED, null, null, null, null, null, now, null);
			Instant next = Occurrences.next(schedule.schedule(), now.isAfter(occurrence) ? now : occurrence);
			// Only the instance whose insert claimed the occurrence records its start.
			Mono<Void> claim = this.runs.insert(run)
				.flatMap((claimed) -> this.audit.recordAs(
						AuditRecord.of(schedule.eventId(), ReportingAuditAction.SCHEDULE_RUN_STARTED, "schedule-run",
								claimed.id(), "occurrence " + occurrence + " of schedule '" + schedule.name() + "'"),
						AuditActor.system("schedule", schedule.id())))
				.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty());
			Mono<Void> advance = this.schedules.advanceIfAt(schedule.id(), occurrence, next);
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
		return this.runs.insert(run)
			.flatMap((saved) -> this.schedules.setLastRun(schedule.id(), now).thenReturn(saved));
	}

}
