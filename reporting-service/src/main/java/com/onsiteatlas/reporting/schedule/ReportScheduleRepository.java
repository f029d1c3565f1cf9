package com.onsiteatlas.reporting.schedule;

import reactor.core.publisher.Flux;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/**
 * The report schedules: Spring Data's reads and writes, plus the searches and guarded
 * writes of {@link ReportScheduleRepositoryCustom}.
 */
interface ReportScheduleRepository
		extends ReactiveMongoRepository<ReportSchedule, String>, ReportScheduleRepositoryCustom {

	/**
	 * The schedules of a conference.
	 * @param eventId the conference
	 * @return its schedules
	 */
	Flux<ReportSchedule> findByEventId(String eventId);

}
