package com.onsiteatlas.reporting.export;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.support.worker.PeriodicWork;
import com.onsiteatlas.support.worker.PeriodicWorker;

/**
 * The export loop. Each round claims jobs ({@link ExportClaims}) and runs them
 * ({@link ExportRun}), {@code concurrency} at a time, until none is left, then deletes
 * expired files when a purge is due ({@link ExpiredExports}). A new job wakes it up.
 */
@Component
class ExportWorker implements PeriodicWork {

	private static final Logger logger = LoggerFactory.getLogger(ExportWorker.class);

	private static final Duration FIRST_PURGE = Duration.ofSeconds(5);

	private final ExportClaims claims;

	private final ExportRun runs;

	private final ExpiredExports expired;

	private final ExportProperties properties;

	private final Clock clock;

	private final PeriodicWorker worker;

	private volatile Instant nextPurge;

	ExportWorker(ExportClaims claims, ExportRun runs, ExpiredExports expired, ExportProperties properties,
			Clock clock) {
		this.claims = claims;
		this.runs = runs;
		this.expired = expired;
		this.properties = properties;
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
			return this.expired.purge(now);
		});
	}

	/** Runs jobs until none is left, {@code concurrency} at a time. */
	Mono<Void> drain() {
		Mono<Boolean> once = this.claims.claim()
			.flatMap((job) -> this.runs.run(job).thenReturn(true))
			.defaultIfEmpty(false);
		return Flux.range(0, this.properties.concurrency())
			.flatMap((lane) -> Flux.defer(() -> once).repeat().takeWhile((claimed) -> claimed))
			.then();
	}

}
