package com.onsiteatlas.reporting.schedule;

import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The schedule run writes Spring Data cannot derive: leases taken with an atomic
 * findAndModify, and writes that match only while one instance holds a run's lease and
 * the run may still move to the status written.
 */
interface ScheduleRunRepositoryCustom {

	/**
	 * Open runs whose lease is free (none, or run out).
	 * @param now the time to compare with
	 * @return the runs
	 */
	Flux<ScheduleRun> findFree(Instant now);

	/**
	 * Takes the lease of an open run if it is still free.
	 * @param id the run
	 * @param owner the taking instance
	 * @param now the time to compare with
	 * @param leaseUntil the end of the new lease
	 * @return the run under the owner's lease, or empty when another instance holds it
	 */
	Mono<ScheduleRun> takeIfFree(String id, String owner, Instant now, Instant leaseUntil);

	/**
	 * Renews the lease of a run while the owner holds it.
	 * @param id the run
	 * @param owner the lease holder
	 * @param leaseUntil the end of the renewed lease
	 * @return whether the run matched
	 */
	Mono<Boolean> renewIfOwned(String id, String owner, Instant leaseUntil);

	/**
	 * Gives up the lease of a run while the owner holds it.
	 * @param id the run
	 * @param owner the lease holder
	 * @return completion
	 */
	Mono<Void> releaseIfOwned(String id, String owner);

	/**
	 * Moves a run to exporting with its job, releasing the lease.
	 * @param id the run
	 * @param owner the lease holder
	 * @param jobId the export job
	 * @return completion
	 */
	Mono<Void> exportingIfOwned(String id, String owner, String jobId);

	/**
	 * Moves a run to delivered, releasing the lease.
	 * @param id the run
	 * @param owner the lease holder
	 * @param target where the report went
	 * @param completedAt when
	 * @return whether the run matched
	 */
	Mono<Boolean> deliveredIfOwned(String id, String owner, String target, Instant completedAt);

	/**
	 * Moves a run to failed, releasing the lease.
	 * @param id the run
	 * @param owner the lease holder
	 * @param reason why
	 * @param completedAt when
	 * @return whether the run matched
	 */
	Mono<Boolean> failedIfOwned(String id, String owner, String reason, Instant completedAt);

}
