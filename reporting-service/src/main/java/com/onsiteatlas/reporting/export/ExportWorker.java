package com.onsiteatlas.reporting.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.stereotype.Component;

import com.onsiteatlas.domainevents.export.ExportCompleted;
import com.onsiteatlas.domainevents.export.ExportFailed;
import com.onsiteatlas.reporting.format.FileFormat;
import com.onsiteatlas.support.messaging.Outbox;
import com.onsiteatlas.support.projection.ConferenceView;
import com.onsiteatlas.reporting.lease.LeaseKeeper;
import com.onsiteatlas.support.projection.Directory;
import com.onsiteatlas.support.worker.PeriodicWork;
import com.onsiteatlas.support.worker.PeriodicWorker;

/**
 * Runs export jobs. Each instance claims pending jobs with an atomic findAndModify lease
 * and renews it on a timer for the whole life of the job (heartbeat: while rows stream,
 * while the writer finishes and while the file is copied to GridFS), writing the progress
 * with it; a job whose lease ran out while {@code processing} belongs to a dead instance
 * and is claimed again, so jobs survive restarts and no two instances run one job at the
 * same time. Completion and failure are written only by the lease holder, together with
 * their domain event (outbox). Expired files are deleted by the same loop (the embedded
 * MongoDB-wire server has no TTL).
 */
@Component
class ExportWorker implements PeriodicWork {

	private static final Logger logger = LoggerFactory.getLogger(ExportWorker.class);

	private static final Duration MAX_HEARTBEAT = Duration.ofSeconds(5);

	private static final Duration MIN_HEARTBEAT = Duration.ofMillis(100);

	private static final Duration FIRST_PURGE = Duration.ofSeconds(5);

	private final ReactiveMongoTemplate mongo;

	private final ReactiveGridFsTemplate gridFs;

	private final ExportFileWriter files;

	private final Outbox outbox;

	private final ExportProperties properties;

	private final ObjectProvider<Directory> directory;

	private final String owner = UUID.randomUUID().toString();

	private final Clock clock;

	private final PeriodicWorker worker;

	private volatile Instant nextPurge;

	ExportWorker(ReactiveMongoTemplate mongo, ReactiveGridFsTemplate gridFs, ExportFileWriter files, Outbox outbox,
			ExportProperties properties, ObjectProvider<Directory> directory, Clock clock) {
		this.mongo = mongo;
		this.gridFs = gridFs;
		this.files = files;
		this.outbox = outbox;
		this.properties = properties;
		this.directory = directory;
		this.clock = clock;
		// One worker for jobs and expired files, so a purge never runs next to a round of
		// jobs: each round drains the jobs and then purges when the purge is due (also
		// after a failed drain, as when they were two timers).
		this.worker = new PeriodicWorker("export-worker",
				PeriodicWorker.Schedule.of(Duration.ZERO, properties.pollInterval()),
				() -> drain().onErrorResume((ex) -> {
					logger.warn("Export worker round failed: {}", ex.toString());
					return Mono.empty();
				}).then(purgeWhenDue()).thenReturn(false));
	}

	void nudge() {
		this.worker.wakeUp();
	}

	@Override
	public PeriodicWorker worker() {
		return this.worker;
	}

	/**
	 * Deletes expired files five seconds after the first round and then every purge
	 * interval (checked at the end of each round).
	 * @return completion
	 */
	private Mono<Void> purgeWhenDue() {
		return Mono.defer(() -> {
			Instant now = this.clock.instant();
			if (this.nextPurge == null) {
				this.nextPurge = now.plus(FIRST_PURGE);
			}
			if (now.isBefore(this.nextPurge)) {
				return Mono.empty();
			}
			this.nextPurge = now.plus(this.properties.purgeInterval());
			return purgeExpired(now);
		});
	}

	/** Runs jobs until none is left, {@code concurrency} at a time. */
	Mono<Void> drain() {
		Mono<Boolean> once = claim().flatMap((job) -> run(job).thenReturn(true)).defaultIfEmpty(false);
		return Flux.range(0, this.properties.concurrency())
			.flatMap((lane) -> Flux.defer(() -> once).repeat().takeWhile((claimed) -> claimed))
			.then();
	}

	Mono<ExportHistory> claim() {
		Instant now = this.clock.instant();
		Query claimable = Query.query(new Criteria().orOperator(Criteria.where("status").is(ExportHistory.PENDING),
				new Criteria().andOperator(Criteria.where("status").is(ExportHistory.PROCESSING),
						Criteria.where("leaseUntil").lt(Date.from(now)))))
			.with(Sort.by("createdAt"));
		Update update = new Update().set("status", ExportHistory.PROCESSING)
			.set("leaseOwner", this.owner)
			.set("leaseUntil", Date.from(now.plus(this.properties.lease())))
			.set("startedAt", Date.from(now))
			.set("progress", 0)
			.set("recordCount", 0L)
			.inc("attempts", 1);
		return this.mongo.findAndModify(claimable, update, FindAndModifyOptions.options().returnNew(true),
				ExportHistory.class);
	}

	private Mono<Void> run(ExportHistory job) {
		if (job.attempts() != null && job.attempts() > this.properties.maxAttempts()) {
			return fail(job, "Gave up after " + this.properties.maxAttempts() + " attempts");
		}
		Heartbeat heartbeat = new Heartbeat(job);
		return this.files.count(job.spec())
			.flatMap((total) -> heartbeat.total(total))
			.then(eventName(job).defaultIfEmpty(""))
			.flatMap((eventName) -> Mono
				.fromCallable(
						() -> this.files.write(job.spec(), eventName.isEmpty() ? null : eventName, heartbeat::written))
				.subscribeOn(Schedulers.boundedElastic()))
			.flatMap((written) -> heartbeat.held()
				.then(store(job, written))
				.flatMap((fileId) -> complete(job, written, fileId))
				.doFinally((signal) -> delete(written.path())))
			.onErrorResume(LeaseKeeper.LeaseLost.class, (ex) -> {
				logger.warn("Export {} abandoned: another instance took it over", job.id());
				return Mono.empty();
			})
			.onErrorResume((ex) -> fail(job, message(ex)))
			.doFirst(heartbeat::start)
			.doFinally((signal) -> heartbeat.stop());
	}

	private Mono<String> eventName(ExportHistory job) {
		Directory conferences = this.directory.getIfAvailable();
		if (job.event() == null || conferences == null) {
			return Mono.empty();
		}
		return conferences.conference(job.event()).map(ConferenceView::name);
	}

	/**
	 * Progress shown while a job runs: rows written of the rows counted at the start, at
	 * most 99 until the job is completed (rows added since the count can make the written
	 * rows exceed the total).
	 * @param written rows written so far
	 * @param total rows counted at the start
	 * @return 0 to 99
	 */
	static int progress(long written, long total) {
		if (total <= 0) {
			return 0;
		}
		return (int) Math.min(99, written * 100 / total);
	}

	/**
	 * How often a running job renews its lease and writes its progress: a third of the
	 * lease, so two renewals may fail before the lease runs out, and at least every 5
	 * seconds, so that the progress moves.
	 */
	Duration heartbeatInterval() {
		Duration third = this.properties.lease().dividedBy(3);
		Duration interval = (third.compareTo(MAX_HEARTBEAT) < 0) ? third : MAX_HEARTBEAT;
		return (interval.compareTo(MIN_HEARTBEAT) > 0) ? interval : MIN_HEARTBEAT;
	}

	/**
	 * The lease and progress of one job. Its {@link LeaseKeeper} runs from the claim to
	 * the end of the job on the parallel scheduler with non-blocking writes, so it beats
	 * while the writer is busy in a blocking call ({@code finish()} of a large XLSX) and
	 * while the file is copied to GridFS, and writes the progress with each renewal. Once
	 * the lease is lost the writer stops at its next row and the file is not stored.
	 */
	private final class Heartbeat {

		private final ExportHistory job;

		private final AtomicLong written = new AtomicLong();

		private final LeaseKeeper lease;

		private volatile long total = -1;

		Heartbeat(ExportHistory job) {
			this.job = job;
			this.lease = new LeaseKeeper("export " + job.id(), heartbeatInterval(), this::renew);
		}

		void start() {
			this.lease.start();
		}

		void stop() {
			this.lease.stop();
		}

		/** Records the row count of the job, at its start. */
		Mono<Void> total(long rows) {
			this.total = rows;
			return ExportWorker.this.mongo
				.updateFirst(live(), new Update().set("totalRecords", rows), ExportHistory.class)
				.flatMap((result) -> (result.getMatchedCount() == 0)
						? Mono.error(new LeaseKeeper.LeaseLost("export " + this.job.id())) : Mono.empty());
		}

		/** Called by the writer after each row, on the export's thread. */
		void written(long rows) {
			this.written.set(rows);
			this.lease.requireHeld();
		}

		/** Empty while the lease is ours, {@link LeaseKeeper.LeaseLost} otherwise. */
		Mono<Void> held() {
			return this.lease.held();
		}

		private Mono<Boolean> renew() {
			long rows = this.written.get();
			Update update = new Update()
				.set("leaseUntil",
						Date.from(ExportWorker.this.clock.instant().plus(ExportWorker.this.properties.lease())))
				.set("recordCount", rows);
			if (this.total >= 0) {
				update.set("progress", progress(rows, this.total));
			}
			return ExportWorker.this.mongo.updateFirst(live(), update, ExportHistory.class)
				.map((result) -> result.getMatchedCount() > 0);
		}

		private Query live() {
			return owned(this.job).addCriteria(Criteria.where("status").is(ExportHistory.PROCESSING));
		}

	}

	private Query owned(ExportHistory job) {
		return Query.query(Criteria.where("_id").is(job.id()).and("leaseOwner").is(this.owner));
	}

	private Mono<String> store(ExportHistory job, ExportFileWriter.Written written) {
		FileFormat format = FileFormat.of(job.exportType());
		Document metadata = new Document("exportId", job.id()).append("contentType", format.contentType());
		return this.gridFs
			.store(DataBufferUtils.read(written.path(), DefaultDataBufferFactory.sharedInstance, 64 * 1024),
					fileName(job), format.contentType(), metadata)
			.map(ObjectId::toHexString);
	}

	static String fileName(ExportHistory job) {
		String day = job.createdAt().toString().substring(0, 10);
		return job.dataType() + "_" + ((job.event() != null) ? job.event() : "all") + "_" + day + "_"
				+ job.id().substring(18) + "." + FileFormat.of(job.exportType()).extension();
	}

	private Mono<Void> complete(ExportHistory job, ExportFileWriter.Written written, String fileId) {
		Instant now = this.clock.instant();
		String fileName = fileName(job);
		ExportCompleted event = new ExportCompleted(job.event(), job.id(), job.exportConfig(), job.scheduleId(),
				job.exportType(), job.dataType(), written.recordCount(), written.size(), fileName, job.user(), now,
				now);
		return this.outbox.entry(event, job.event()).flatMap((message) -> {
			Update update = new Update().set("status", ExportHistory.COMPLETED)
				.set("progress", 100)
				.set("recordCount", written.recordCount())
				.set("fileSize", written.size())
				.set("fileId", fileId)
				.set("fileName", fileName)
				.set("fileUrl", "/api/export/download/" + job.id())
				.set("completedAt", Date.from(now))
				.set("expiresAt", Date.from(now.plus(this.properties.fileRetention())))
				.unset("leaseOwner")
				.unset("leaseUntil");
			Outbox.push(update, List.of(message));
			return this.mongo.updateFirst(owned(job).addCriteria(Criteria.where("status").is(ExportHistory.PROCESSING)),
					update, ExportHistory.class);
		}).flatMap((result) -> {
			if (result.getModifiedCount() == 0) {
				// Another instance took the job over after our lease ran out; its file
				// wins.
				return this.gridFs.delete(Query.query(Criteria.where("_id").is(new ObjectId(fileId))));
			}
			this.outbox.nudge();
			return Mono.empty();
		});
	}

	private Mono<Void> fail(ExportHistory job, String reason) {
		Instant now = this.clock.instant();
		ExportFailed event = new ExportFailed(job.event(), job.id(), job.exportConfig(), job.scheduleId(),
				job.exportType(), job.dataType(), reason, job.user(), now, now);
		return this.outbox.entry(event, job.event()).flatMap((message) -> {
			Update update = new Update().set("status", ExportHistory.FAILED)
				.set("errorMessage", reason)
				.set("completedAt", Date.from(now))
				.unset("leaseOwner")
				.unset("leaseUntil");
			Outbox.push(update, List.of(message));
			return this.mongo.updateFirst(owned(job), update, ExportHistory.class);
		}).doOnNext((result) -> this.outbox.nudge()).then();
	}

	private static String message(Throwable ex) {
		String message = ex.getMessage();
		return (message != null && !message.isBlank()) ? message : ex.getClass().getSimpleName();
	}

	Mono<Void> purgeExpired() {
		return purgeExpired(this.clock.instant());
	}

	/**
	 * Deletes the files of completed jobs whose {@code expiresAt} is before a time and
	 * marks them expired.
	 * @param now the time to compare with
	 * @return completion
	 */
	Mono<Void> purgeExpired(Instant now) {
		Query expired = Query.query(Criteria.where("status")
			.is(ExportHistory.COMPLETED)
			.and("expiresAt")
			.lt(Date.from(now))
			.and("expired")
			.ne(true));
		return this.mongo.find(expired, ExportHistory.class)
			.concatMap((job) -> ((job.fileId() != null)
					? this.gridFs.delete(Query.query(Criteria.where("_id").is(new ObjectId(job.fileId()))))
					: Mono.<Void>empty())
				.then(this.mongo.updateFirst(Query.query(Criteria.where("_id").is(job.id())),
						new Update().set("expired", true).unset("fileId"), ExportHistory.class)))
			.then();
	}

	private static void delete(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			logger.debug("Could not delete {}", path, ex);
		}
	}

}
