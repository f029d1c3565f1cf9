package com.onsiteatlas.reporting.export;

import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Deletes the files of completed jobs after their retention (the embedded MongoDB-wire
 * server has no TTL); {@link ExportWorker} calls it when a purge is due.
 */
@Component
class ExpiredExports {

	private final ExportHistoryRepository jobs;

	private final ExportFiles files;

	ExpiredExports(ExportHistoryRepository jobs, ExportFiles files) {
		this.jobs = jobs;
		this.files = files;
	}

	/**
	 * Deletes the files of completed jobs whose {@code expiresAt} is before a time and
	 * marks them expired.
	 * @param now the time to compare with
	 * @return completion
	 */
	Mono<Void> purge(Instant now) {
		return this.jobs.findExpiredBefore(now)
			.concatMap((job) -> ((job.fileId() != null) ? this.files.delete(job.fileId()) : Mono.<Void>empty())
				.then(this.jobs.markExpired(job.id(), job.fileId())))
			.then();
	}

}
