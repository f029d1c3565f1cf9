package com.onsiteatlas.reporting.schedule;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/**
 * The runs of report schedules: Spring Data's reads and writes, plus the leases and
 * guarded outcomes of {@link ScheduleRunRepositoryCustom}.
 */
interface ScheduleRunRepository extends ReactiveMongoRepository<ScheduleRun, String>, ScheduleRunRepositoryCustom {

	/**
	 * The latest runs of a schedule.
	 * @param scheduleId the schedule
	 * @return its last 100 runs, newest first
	 */
	Flux<ScheduleRun> findTop100ByScheduleIdOrderByCreatedAtDesc(String scheduleId);

	/**
	 * Removes the runs of a schedule.
	 * @param scheduleId the schedule
	 * @return how many were removed
	 */
	Mono<Long> deleteByScheduleId(String scheduleId);

}
