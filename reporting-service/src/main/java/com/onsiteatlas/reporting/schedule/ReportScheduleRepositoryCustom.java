package com.onsiteatlas.reporting.schedule;

import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.onsiteatlas.support.crypto.Keyring;
import com.onsiteatlas.support.crypto.RekeyReport;

import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;

/**
 * The schedule queries and writes Spring Data cannot derive. A viewer sees own and global
 * schedules; with a token bound to an event, only that event's (a schedule without an
 * event exports every event, so it is not shown).
 */
interface ReportScheduleRepositoryCustom {

	/**
	 * One page of the schedules a viewer may see.
	 * @param search viewer and filters
	 * @param page paging
	 * @return the page
	 */
	Mono<Paged<ReportSchedule>> page(ScheduleSearch search, PageQuery page);

	/**
	 * A schedule, if the viewer may see it.
	 * @param id schedule id
	 * @param viewer who asks
	 * @return the schedule, or empty
	 */
	Mono<ReportSchedule> findVisible(String id, ScheduleViewer viewer);

	/**
	 * Active schedules whose next run is due.
	 * @param now the time to compare with
	 * @return the schedules
	 */
	Flux<ReportSchedule> findDue(Instant now);

	/**
	 * Moves a schedule to its next occurrence if it is still at the one claimed.
	 * @param id the schedule
	 * @param occurrence the occurrence claimed
	 * @param next the next occurrence
	 * @return completion
	 */
	Mono<Void> advanceIfAt(String id, Instant occurrence, Instant next);

	/**
	 * Records when a schedule last ran.
	 * @param id the schedule
	 * @param lastRun when
	 * @return completion
	 */
	Mono<Void> setLastRun(String id, Instant lastRun);

	/**
	 * Records a delivered run on its schedule.
	 * @param id the schedule
	 * @return completion
	 */
	Mono<Void> recordSuccess(String id);

	/**
	 * Records a failed run on its schedule.
	 * @param id the schedule
	 * @param reason why
	 * @return completion
	 */
	Mono<Void> recordFailure(String id, String reason);

	/**
	 * Schedules with a cloud storage configuration.
	 * @return the schedules
	 */
	Flux<ReportSchedule> findWithCloudConfig();

	/**
	 * Replaces a value of a schedule while it still holds the value read.
	 * @param id the schedule
	 * @param path the field path
	 * @param read the value read
	 * @param value the new value
	 * @return the number changed, 0 or 1
	 */
	Mono<Long> replaceIfUnchanged(String id, String path, Object read, Object value);

	/**
	 * Re-encrypts the sealed secrets of every schedule under a keyring's current key
	 * (service-support's {@link com.onsiteatlas.support.crypto.SealedValues}: each value
	 * guarded by the value read, so a run is resumable and changes a value once).
	 * @param keyring the provider-secrets keyring
	 * @return the counts
	 */
	Mono<RekeyReport> resealSecrets(Keyring keyring);

}
