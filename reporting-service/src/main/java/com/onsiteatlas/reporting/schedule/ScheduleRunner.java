package com.onsiteatlas.reporting.schedule;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.reporting.builder.ReportService;
import com.onsiteatlas.reporting.export.ExportService;
import com.onsiteatlas.reporting.format.FileFormat;
import com.onsiteatlas.reporting.lease.LeaseKeeper;
import com.onsiteatlas.support.retention.DeletedConferences;
import com.onsiteatlas.support.worker.PeriodicWork;
import com.onsiteatlas.support.worker.PeriodicWorker;

/**
 * Runs due schedules. Each round claims the due occurrences ({@link ScheduleRunClaims})
 * and drives open runs forward under a lease ({@link ScheduleRunLeases}): queue the
 * export job, wait for it, deliver the file ({@link ScheduleDeliveries}), record success
 * or the failure reason ({@link ScheduleRunOutcomes}). The lease is renewed on a timer
 * while a step runs (an upload may take its timeout three times over), so only a dead
 * instance's run is taken over. Delivery is at-least-once: a crash after sending and
 * before recording sends again.
 */
@Component
class ScheduleRunner implements PeriodicWork {

	private static final Logger logger = LoggerFactory.getLogger(ScheduleRunner.class);

	private final ReportScheduleRepository schedules;

	private final ScheduleRunLeases leases;

	private final ScheduleRunOutcomes outcomes;

	private final ScheduleDeliveries deliveries;

	private final ExportService exports;

	private final ReportService reports;

	private final ScheduleSecrets secrets;

	private final ScheduledReports scheduled;

	private final PeriodicWorker worker;

	private final DeletedConferences deleted;

	private final AtomicBoolean sealed = new AtomicBoolean();

	ScheduleRunner(ReportScheduleRepository schedules, ScheduleRunClaims claims, ScheduleRunLeases leases,
			ScheduleRunOutcomes outcomes, ScheduleDeliveries deliveries, ExportService exports, ReportService reports,
			ScheduleSecrets secrets, ScheduledReports scheduled, ScheduleProperties properties,
			DeletedConferences deleted) {
		this.deleted = deleted;
		this.schedules = schedules;
		this.leases = leases;
		this.outcomes = outcomes;
		this.deliveries = deliveries;
		this.exports = exports;
		this.reports = reports;
		this.secrets = secrets;
		this.scheduled = scheduled;
		this.worker = new PeriodicWorker("schedule-runner",
				PeriodicWorker.Schedule.of(Duration.ofSeconds(1), properties.pollInterval()),
				() -> sealOnce().then(claims.claimDue()).then(advanceRuns()).thenReturn(false));
	}

	@Override
	public PeriodicWorker worker() {
		return this.worker;
	}

	/**
	 * Seals the clear-text secrets of old schedules, in the first round only; a failure
	 * leaves them readable and the rounds go on.
	 * @return completion
	 */
	private Mono<Void> sealOnce() {
		if (this.sealed.getAndSet(true)) {
			return Mono.empty();
		}
		return Mono.defer(this.secrets::sealLegacySecrets).onErrorResume((ex) -> {
			logger.warn("Sealing clear-text schedule secrets failed (they stay readable): {}", ex.toString());
			return Mono.empty();
		}).then();
	}

	/**
	 * Takes every free open run, one after the other, and moves it one step on.
	 * @return completion
	 */
	Mono<Void> advanceRuns() {
		return this.leases.free().concatMap((candidate) -> this.leases.take(candidate).flatMap(this::advance)).then();
	}

	private Mono<Void> advance(ScheduleRun run) {
		LeaseKeeper lease = this.leases.keeper(run);
		Mono<Void> step = this.schedules.findById(run.scheduleId())
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("The schedule was deleted")))
			.flatMap((schedule) -> (schedule.eventId() == null) ? Mono.just(schedule)
					: this.deleted.isDeleted(schedule.eventId())
						.flatMap((gone) -> gone
								? Mono.<ReportSchedule>error(new IllegalStateException("The conference was deleted"))
								: Mono.just(schedule)))
			.flatMap((schedule) -> {
				if (schedule.exportConfig() == null) {
					return runReport(run, schedule, lease);
				}
				return (run.status() == ScheduleRunStatus.CLAIMED) ? startExport(run, schedule)
						: checkExport(run, schedule, lease);
			});
		return step.onErrorResume(LeaseKeeper.LeaseLost.class, (ex) -> {
			logger.warn("Schedule run {} abandoned: another instance took it over", run.id());
			return Mono.empty();
		})
			.onErrorResume(
					(ex) -> this.outcomes.failed(run, (ex.getMessage() != null) ? ex.getMessage() : ex.toString()))
			.doFirst(lease::start)
			.doFinally((signal) -> lease.stop());
	}

	/**
	 * A template or built report is rendered to a temporary file by the report service
	 * (every row of a list report, streamed) and delivered in one step, without an export
	 * job.
	 */
	private Mono<Void> runReport(ScheduleRun run, ReportSchedule schedule, LeaseKeeper lease) {
		FileFormat format = FileFormat.of((schedule.format() != null) ? schedule.format() : "pdf");
		return Mono.fromCallable(() -> this.scheduled.of(schedule)).flatMap((report) -> {
			String name = report.fileBase() + "_" + schedule.eventId() + "_"
					+ run.occurrence().toString().substring(0, 10) + "." + format.extension();
			return this.reports.file(schedule.eventId(), null, report.definition(), format)
				.flatMap((rendered) -> lease.held()
					.then(Mono.defer(() -> this.deliveries.deliverReport(schedule, report, format, name, rendered)))
					.doFinally((signal) -> rendered.delete()));
		}).flatMap((target) -> this.outcomes.delivered(run, target));
	}

	private Mono<Void> startExport(ScheduleRun run, ReportSchedule schedule) {
		return this.exports.specOf(schedule.exportConfig(), schedule.eventId())
			.flatMap((spec) -> this.exports.enqueue(spec, schedule.createdBy(), schedule.exportConfig(), schedule.id()))
			.flatMap((job) -> this.outcomes.exporting(run, job.id()));
	}

	private Mono<Void> checkExport(ScheduleRun run, ReportSchedule schedule, LeaseKeeper lease) {
		return this.exports.job(run.jobId())
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("The export job disappeared")))
			.flatMap((job) -> switch (job.status()) {
				case COMPLETED -> lease.held()
					.then(this.deliveries.deliverExport(schedule, job))
					.flatMap((target) -> this.outcomes.delivered(run, target));
				case FAILED -> this.outcomes.failed(run, "Export failed: " + job.errorMessage());
				// Still running: let the lease go so the next round looks again.
				case PENDING, PROCESSING -> this.leases.release(run);
			});
	}

}
