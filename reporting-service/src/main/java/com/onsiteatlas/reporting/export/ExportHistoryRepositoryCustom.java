package com.onsiteatlas.reporting.export;

import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.onsiteatlas.support.messaging.OutboxMessage;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;

/**
 * The export job writes Spring Data cannot derive: the atomic claim of a job and the
 * writes that match only while one instance holds the job's lease.
 */
interface ExportHistoryRepositoryCustom {

	/**
	 * Claims the oldest pending job, or processing one whose lease ran out, with an
	 * atomic findAndModify.
	 * @param owner the claiming instance
	 * @param now the time of the claim
	 * @param leaseUntil the end of the new lease
	 * @return the job, now processing under the owner's lease; empty when none is left
	 */
	Mono<ExportHistory> claimOldest(String owner, Instant now, Instant leaseUntil);

	/**
	 * Records the row count of a job while the owner holds it and it is processing.
	 * @param id the job
	 * @param owner the lease holder
	 * @param total rows counted at the start
	 * @return whether the job matched
	 */
	Mono<Boolean> setTotalIfRunning(String id, String owner, long total);

	/**
	 * Renews the lease of a job and writes its progress while the owner holds it and it
	 * is processing.
	 * @param id the job
	 * @param owner the lease holder
	 * @param leaseUntil the end of the renewed lease
	 * @param recordCount rows written so far
	 * @param progress 0 to 99, null while the total is unknown
	 * @return whether the job matched
	 */
	Mono<Boolean> renewIfRunning(String id, String owner, Instant leaseUntil, long recordCount, Integer progress);

	/**
	 * Completes a job with its file and its domain event while the owner holds it and it
	 * may still become completed.
	 * @param id the job
	 * @param owner the lease holder
	 * @param completion the file and times
	 * @param message the outbox entry of the completion
	 * @return whether the job changed (false when another instance took it over)
	 */
	Mono<Boolean> completeIfOwned(String id, String owner, ExportCompletion completion, OutboxMessage message);

	/**
	 * Fails a job with a reason and its domain event while the owner holds it and it may
	 * still fail.
	 * @param id the job
	 * @param owner the lease holder
	 * @param reason why
	 * @param completedAt when
	 * @param message the outbox entry of the failure
	 * @return whether the job matched
	 */
	Mono<Boolean> failIfOwned(String id, String owner, String reason, Instant completedAt, OutboxMessage message);

	/**
	 * Completed jobs whose file expired before a time and which are not yet marked
	 * expired.
	 * @param now the time to compare with
	 * @return the jobs
	 */
	Flux<ExportHistory> findExpiredBefore(Instant now);

	/**
	 * Marks a job expired and forgets its file, on condition that it still names the file
	 * deleted (a rekey may have replaced it meanwhile; the next purge deletes that one).
	 * @param id the job
	 * @param fileId the file deleted, null for none
	 * @return completion
	 */
	Mono<Void> markExpired(String id, String fileId);

	/**
	 * Points a job at a re-encrypted copy of its file, on condition that it still names
	 * the original and has not expired.
	 * @param id the job
	 * @param oldFileId the original's GridFS id
	 * @param newFileId the copy's GridFS id
	 * @return whether the job now names the copy
	 */
	Mono<Boolean> replaceFile(String id, String oldFileId, String newFileId);

	/**
	 * Whether a job names a file.
	 * @param id the job
	 * @param fileId the GridFS id
	 * @return true when it does
	 */
	Mono<Boolean> refersTo(String id, String fileId);

	/**
	 * One page of the history.
	 * @param search the filters
	 * @param page paging
	 * @return the page
	 */
	Mono<Paged<ExportHistory>> page(HistorySearch search, PageQuery page);

}
