package com.onsiteatlas.reporting.export;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.support.retention.ConferencePurge;

/**
 * Removes a deleted conference's exports once its retention window ended: the stored
 * files of its jobs, the jobs (export history) and its export configs (not those usable
 * in any event). Idempotent: a file already gone is not an error, a second pass finds
 * nothing.
 */
@Component
class ExportPurge implements ConferencePurge {

	private static final Logger logger = LoggerFactory.getLogger(ExportPurge.class);

	private final ExportHistoryRepository jobs;

	private final ExportConfigRepository configs;

	private final ExportFiles files;

	ExportPurge(ExportHistoryRepository jobs, ExportConfigRepository configs, ExportFiles files) {
		this.jobs = jobs;
		this.configs = configs;
		this.files = files;
	}

	@Override
	public Mono<Void> purge(String eventId) {
		return this.jobs.findByEvent(eventId)
			.filter((job) -> job.fileId() != null)
			.concatMap((job) -> this.files.delete(job.fileId()))
			.then(Mono.zip(this.jobs.deleteByEvent(eventId), this.configs.deleteByEvent(eventId)))
			.doOnNext((counts) -> logger.info("Event {} purged: removed {} export jobs with their files and {} configs",
					eventId, counts.getT1(), counts.getT2()))
			.then();
	}

}
