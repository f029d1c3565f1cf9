package com.onsiteatlas.reporting.export;

import java.time.Clock;
import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.domainevents.export.ExportCompleted;
import com.onsiteatlas.domainevents.export.ExportFailed;
import com.onsiteatlas.support.messaging.Outbox;

/**
 * How a running export job ends: completed with its file or failed with a reason, each
 * written only by the lease holder, together with its domain event (outbox).
 */
@Component
class ExportOutcomes {

	private final ExportHistoryRepository jobs;

	private final ExportClaims claims;

	private final ExportFiles files;

	private final Outbox outbox;

	private final ExportProperties properties;

	private final Clock clock;

	ExportOutcomes(ExportHistoryRepository jobs, ExportClaims claims, ExportFiles files, Outbox outbox,
			ExportProperties properties, Clock clock) {
		this.jobs = jobs;
		this.claims = claims;
		this.files = files;
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Completes a job whose file is stored; when another instance took the job over after
	 * this one's lease ran out, its file wins and this one is deleted.
	 * @param job the job
	 * @param written the file written
	 * @param fileId its GridFS id
	 * @return completion
	 */
	Mono<Void> complete(ExportHistory job, ExportFileWriter.Written written, String fileId) {
		Instant now = this.clock.instant();
		String fileName = ExportFiles.fileName(job);
		ExportCompleted event = new ExportCompleted(job.event(), job.id(), job.exportConfig(), job.scheduleId(),
				job.exportType(), job.dataType(), written.recordCount(), written.size(), fileName, job.user(), now,
				now);
		return this.outbox.entry(event, job.event()).flatMap((message) -> {
			ExportCompletion completion = new ExportCompletion(written.recordCount(), written.size(), fileId, fileName,
					"/api/export/download/" + job.id(), now, now.plus(this.properties.fileRetention()));
			return this.jobs.completeIfOwned(job.id(), this.claims.owner(), completion, message);
		}).flatMap((changed) -> {
			if (!changed) {
				// Another instance took the job over after our lease ran out; its file
				// wins.
				return this.files.delete(fileId);
			}
			this.outbox.nudge();
			return Mono.empty();
		});
	}

	/**
	 * Fails a job with a reason.
	 * @param job the job
	 * @param reason why, shown on the job
	 * @return completion
	 */
	Mono<Void> fail(ExportHistory job, String reason) {
		Instant now = this.clock.instant();
		ExportFailed event = new ExportFailed(job.event(), job.id(), job.exportConfig(), job.scheduleId(),
				job.exportType(), job.dataType(), reason, job.user(), now, now);
		return this.outbox.entry(event, job.event())
			.flatMap((message) -> this.jobs.failIfOwned(job.id(), this.claims.owner(), reason, now, message))
			.doOnNext((result) -> this.outbox.nudge())
			.then();
	}

}
