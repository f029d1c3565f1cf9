package com.onsiteatlas.reporting.schedule;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.onsiteatlas.reporting.builder.RenderedFile;
import com.onsiteatlas.reporting.builder.ReportService;
import com.onsiteatlas.reporting.delivery.CloudDelivery;
import com.onsiteatlas.reporting.delivery.MailDelivery;
import com.onsiteatlas.reporting.delivery.ReportFile;
import com.onsiteatlas.reporting.export.ExportHistory;
import com.onsiteatlas.reporting.export.ExportService;
import com.onsiteatlas.reporting.format.FileFormat;
import com.onsiteatlas.reporting.lease.LeaseKeeper;
import com.onsiteatlas.reporting.schedule.ScheduledReports.ScheduledReport;
import com.onsiteatlas.support.worker.PeriodicWork;
import com.onsiteatlas.support.worker.PeriodicWorker;

/**
 * Runs due schedules. An occurrence is claimed by inserting its {@link ScheduleRun} (a
 * unique id per schedule and occurrence), then the schedule's {@code nextRun} is moved on
 * with a guarded update; both steps are idempotent, so replicas and restarts run each
 * occurrence once. Open runs are driven forward under a lease: queue the export job, wait
 * for it, deliver the file, record success or the failure reason on the schedule. The
 * lease is renewed on a timer while a step runs (an upload may take its timeout three
 * times over), so only a dead instance's run is taken over. Delivery is at-least-once: a
 * crash after sending and before recording sends again.
 */
@Component
class ScheduleRunner implements PeriodicWork {

	private static final Logger logger = LoggerFactory.getLogger(ScheduleRunner.class);

	private final ReactiveMongoTemplate mongo;

	private final ExportService exports;

	private final MailDelivery mail;

	private final CloudDelivery cloud;

	private final ScheduleProperties properties;

	private final ReportService reports;

	private final ScheduleSecrets secrets;

	private final ScheduledReports scheduled;

	private final String owner = UUID.randomUUID().toString();

	private final Clock clock;

	private final PeriodicWorker worker;

	private final AtomicBoolean sealed = new AtomicBoolean();

	ScheduleRunner(ReactiveMongoTemplate mongo, ExportService exports, MailDelivery mail, CloudDelivery cloud,
			ScheduleProperties properties, ReportService reports, ScheduleSecrets secrets, ScheduledReports scheduled,
			Clock clock) {
		this.mongo = mongo;
		this.scheduled = scheduled;
		this.secrets = secrets;
		this.reports = reports;
		this.exports = exports;
		this.mail = mail;
		this.cloud = cloud;
		this.properties = properties;
		this.clock = clock;
		this.worker = new PeriodicWorker("schedule-runner",
				PeriodicWorker.Schedule.of(Duration.ofSeconds(1), properties.pollInterval()),
				() -> sealOnce().then(claimDue()).then(advanceRuns()).thenReturn(false));
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

	Mono<Void> claimDue() {
		Instant now = this.clock.instant();
		Query due = Query.query(Criteria.where("isActive").is(true).and("nextRun").lte(Date.from(now)));
		return this.mongo.find(due, ReportSchedule.class).concatMap((schedule) -> {
			Instant occurrence = schedule.nextRun();
			ScheduleRun run = new ScheduleRun(schedule.id() + ":" + occurrence.toEpochMilli(), schedule.id(),
					occurrence, ScheduleRun.CLAIMED, null, null, null, null, null, now, null);
			Instant next = Occurrences.next(schedule.schedule(), now.isAfter(occurrence) ? now : occurrence);
			Mono<Void> claim = this.mongo.insert(run)
				.then()
				.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty());
			Mono<Void> advance = this.mongo
				.updateFirst(Query.query(Criteria.where("_id").is(schedule.id()).and("nextRun").is(occurrence)),
						new Update().set("nextRun", next).set("lastRun", occurrence), ReportSchedule.class)
				.then();
			return claim.then(advance);
		}).then();
	}

	Mono<ScheduleRun> runNow(ReportSchedule schedule) {
		Instant now = this.clock.instant();
		ScheduleRun run = new ScheduleRun(schedule.id() + ":manual:" + new ObjectId().toHexString(), schedule.id(), now,
				ScheduleRun.CLAIMED, null, null, null, null, null, now, null);
		return this.mongo.insert(run)
			.flatMap((saved) -> this.mongo
				.updateFirst(Query.query(Criteria.where("_id").is(schedule.id())), new Update().set("lastRun", now),
						ReportSchedule.class)
				.thenReturn(saved));
	}

	Mono<Void> advanceRuns() {
		Instant now = this.clock.instant();
		Query open = Query.query(Criteria.where("status")
			.in(ScheduleRun.CLAIMED, ScheduleRun.EXPORTING)
			.orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(Date.from(now))));
		return this.mongo.find(open, ScheduleRun.class)
			.concatMap((candidate) -> lease(candidate).flatMap(this::advance))
			.then();
	}

	private Mono<ScheduleRun> lease(ScheduleRun run) {
		Instant now = this.clock.instant();
		Query free = Query.query(Criteria.where("_id")
			.is(run.id())
			.and("status")
			.in(ScheduleRun.CLAIMED, ScheduleRun.EXPORTING)
			.orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(Date.from(now))));
		return this.mongo.findAndModify(free,
				new Update().set("leaseOwner", this.owner).set("leaseUntil", now.plus(this.properties.lease())),
				FindAndModifyOptions.options().returnNew(true), ScheduleRun.class);
	}

	/** The run, while this instance holds its lease. */
	private Query owned(ScheduleRun run) {
		return Query.query(Criteria.where("_id").is(run.id()).and("leaseOwner").is(this.owner));
	}

	private Mono<Void> advance(ScheduleRun run) {
		LeaseKeeper lease = leaseOf(run);
		Mono<Void> step = this.mongo.findById(run.scheduleId(), ReportSchedule.class)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("The schedule was deleted")))
			.flatMap((schedule) -> {
				if (schedule.exportConfig() == null) {
					return runReport(run, schedule, lease);
				}
				return ScheduleRun.CLAIMED.equals(run.status()) ? startExport(run, schedule)
						: checkExport(run, schedule, lease);
			});
		return step.onErrorResume(LeaseKeeper.LeaseLost.class, (ex) -> {
			logger.warn("Schedule run {} abandoned: another instance took it over", run.id());
			return Mono.empty();
		})
			.onErrorResume((ex) -> fail(run, (ex.getMessage() != null) ? ex.getMessage() : ex.toString()))
			.doFirst(lease::start)
			.doFinally((signal) -> lease.stop());
	}

	/**
	 * Keeps a run's lease every third of the lease while this instance works on it, so
	 * that a delivery slower than the lease (an upload may take its 60 s timeout three
	 * times) is not taken over and sent again by another replica; once the lease is lost
	 * nothing is sent.
	 */
	private LeaseKeeper leaseOf(ScheduleRun run) {
		return new LeaseKeeper("schedule run " + run.id(), this.properties.lease().dividedBy(3), () -> this.mongo
			.updateFirst(owned(run), new Update().set("leaseUntil", this.clock.instant().plus(this.properties.lease())),
					ScheduleRun.class)
			.map((result) -> result.getMatchedCount() > 0));
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
					.then(Mono.defer(() -> deliverReport(schedule, report, format, name, rendered)))
					.doFinally((signal) -> rendered.delete()));
		}).flatMap((target) -> succeed(run, target));
	}

	/**
	 * Delivers a template or built report. A download, or an e-mail too large to attach,
	 * needs a stored copy: it is kept as a completed export job and linked like any
	 * export.
	 */
	private Mono<String> deliverReport(ReportSchedule schedule, ScheduledReport report, FileFormat format, String name,
			RenderedFile rendered) {
		String type = schedule.delivery().type();
		boolean keep = "download".equals(type) || ("email".equals(type) && !this.mail.attaches(rendered.size()));
		if (!keep) {
			// An attachment (below the limit) or a cloud upload: both send the bytes.
			return Mono.fromCallable(() -> Files.readAllBytes(rendered.path()))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMap((bytes) -> send(schedule,
						new ReportFile(name, format.contentType(), bytes, bytes.length, null), report.title()));
		}
		return this.exports
			.keep(report.title(), report.definition().dataType(), schedule.eventId(), format, name, rendered.path(),
					rendered.size(), schedule.createdBy(), schedule.id())
			.flatMap((job) -> "download".equals(type) ? Mono.just("history:" + job.id())
					: send(schedule, new ReportFile(name, format.contentType(), null, rendered.size(),
							"/api/export/download/" + job.id()), report.title()));
	}

	private Mono<Void> startExport(ScheduleRun run, ReportSchedule schedule) {
		return this.exports.specOf(schedule.exportConfig(), schedule.eventId())
			.flatMap((spec) -> this.exports.enqueue(spec, schedule.createdBy(), schedule.exportConfig(), schedule.id()))
			.flatMap((job) -> this.mongo.updateFirst(owned(run),
					new Update().set("status", ScheduleRun.EXPORTING)
						.set("jobId", job.id())
						.unset("leaseOwner")
						.unset("leaseUntil"),
					ScheduleRun.class))
			.then();
	}

	private Mono<Void> checkExport(ScheduleRun run, ReportSchedule schedule, LeaseKeeper lease) {
		return this.exports.job(run.jobId())
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("The export job disappeared")))
			.flatMap((job) -> switch (job.status()) {
				case ExportHistory.COMPLETED ->
					lease.held().then(deliver(schedule, job)).flatMap((target) -> succeed(run, target));
				case ExportHistory.FAILED -> fail(run, "Export failed: " + job.errorMessage());
				// Still running: let the lease go so the next round looks again.
				default -> this.mongo
					.updateFirst(owned(run), new Update().unset("leaseOwner").unset("leaseUntil"), ScheduleRun.class)
					.then();
			});
	}

	private Mono<String> deliver(ReportSchedule schedule, ExportHistory job) {
		ReportSchedule.Delivery delivery = schedule.delivery();
		FileFormat format = FileFormat.of(job.exportType());
		String downloadPath = "/api/export/download/" + job.id();
		if ("download".equals(delivery.type())) {
			return Mono.just("history:" + job.id());
		}
		boolean needBytes = !"email".equals(delivery.type()) || this.mail.attaches(job.fileSize());
		Mono<byte[]> bytes = needBytes
				? this.exports.content(job).flatMap((stream) -> DataBufferUtils.join(stream)).map((buffer) -> {
					byte[] data = new byte[buffer.readableByteCount()];
					buffer.read(data);
					DataBufferUtils.release(buffer);
					return data;
				}) : Mono.just(new byte[0]);
		return bytes.flatMap((data) -> send(schedule, new ReportFile(job.fileName(), format.contentType(),
				needBytes ? data : null, job.fileSize(), downloadPath), job.name()));
	}

	private Mono<String> send(ReportSchedule schedule, ReportFile file, String title) {
		ReportSchedule.Delivery delivery = schedule.delivery();
		if ("email".equals(delivery.type())) {
			String subject = (delivery.subject() != null) ? delivery.subject()
					: "Report: " + ((schedule.name() != null) ? schedule.name() : title);
			return this.mail.send(delivery.recipients(), subject, delivery.message(), file)
				.thenReturn("email:" + String.join(",", delivery.recipients()));
		}
		ReportSchedule.CloudStorage storage = delivery.cloudStorage();
		return this.cloud.upload(storage.provider(), storage.path(), this.secrets.open(storage), file);
	}

	private Mono<Void> succeed(ScheduleRun run, String target) {
		Instant now = this.clock.instant();
		return this.mongo
			.updateFirst(owned(run),
					new Update().set("status", ScheduleRun.DELIVERED)
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
			.then();
	}

	private Mono<Void> fail(ScheduleRun run, String reason) {
		Instant now = this.clock.instant();
		return this.mongo
			.updateFirst(owned(run),
					new Update().set("status", ScheduleRun.FAILED)
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
			.then();
	}

}
