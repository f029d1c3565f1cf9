package com.onsiteatlas.reporting.schedule;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/**
 * The report schedules: Spring Data's reads and writes, plus the searches and guarded
 * writes of {@link ReportScheduleRepositoryCustom}.
 */
interface ReportScheduleRepository
		extends ReactiveMongoRepository<ReportSchedule, String>, ReportScheduleRepositoryCustom {

}
