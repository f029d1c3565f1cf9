package com.onsiteatlas.reporting.export;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * This instance's claims on export jobs. A pending job, or a processing one whose lease
 * ran out (its instance died), is claimed with an atomic findAndModify lease, so jobs
 * survive restarts and no two instances run one job at the same time; the writes of a
 * running job match only while this instance holds it.
 */
@Component
class ExportClaims {

	private final ExportHistoryRepository jobs;

	private final ExportProperties properties;

	private final Clock clock;

	private final String owner = UUID.randomUUID().toString();

	ExportClaims(ExportHistoryRepository jobs, ExportProperties properties, Clock clock) {
		this.jobs = jobs;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Claims the oldest claimable job.
	 * @return the job, now processing under this instance's lease; empty when none is
	 * left
	 */
	Mono<ExportHistory> claim() {
		Instant now = this.clock.instant();
		return this.jobs.claimOldest(this.owner, now, now.plus(this.properties.lease()));
	}

	/**
	 * This instance's lease owner id, which the guarded writes of a claimed job match.
	 * @return the owner id
	 */
	String owner() {
		return this.owner;
	}

}
