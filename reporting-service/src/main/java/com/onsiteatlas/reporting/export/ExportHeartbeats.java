package com.onsiteatlas.reporting.export;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.reporting.lease.LeaseKeeper;

/**
 * The lease and progress of running export jobs: each job's heartbeat renews its lease on
 * a timer for the whole life of the job (while rows stream, while the writer finishes and
 * while the file is copied to GridFS), writing the progress with it.
 */
@Component
class ExportHeartbeats {

	private static final Duration MAX_HEARTBEAT = Duration.ofSeconds(5);

	private static final Duration MIN_HEARTBEAT = Duration.ofMillis(100);

	private final ExportHistoryRepository jobs;

	private final ExportClaims claims;

	private final ExportProperties properties;

	private final Clock clock;

	ExportHeartbeats(ExportHistoryRepository jobs, ExportClaims claims, ExportProperties properties, Clock clock) {
		this.jobs = jobs;
		this.claims = claims;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A heartbeat for a claimed job, not yet started.
	 * @param job the job
	 * @return its heartbeat
	 */
	Heartbeat of(ExportHistory job) {
		return new Heartbeat(job);
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
	Duration interval() {
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
	final class Heartbeat {

		private final ExportHistory job;

		private final AtomicLong written = new AtomicLong();

		private final LeaseKeeper lease;

		private volatile long total = -1;

		private Heartbeat(ExportHistory job) {
			this.job = job;
			this.lease = new LeaseKeeper("export " + job.id(), interval(), this::renew);
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
			return ExportHeartbeats.this.jobs
				.setTotalIfRunning(this.job.id(), ExportHeartbeats.this.claims.owner(), rows)
				.flatMap((matched) -> !matched ? Mono.error(new LeaseKeeper.LeaseLost("export " + this.job.id()))
						: Mono.empty());
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
			Integer progress = (this.total >= 0) ? progress(rows, this.total) : null;
			return ExportHeartbeats.this.jobs.renewIfRunning(this.job.id(), ExportHeartbeats.this.claims.owner(),
					ExportHeartbeats.this.clock.instant().plus(ExportHeartbeats.this.properties.lease()), rows,
					progress);
		}

	}

}
