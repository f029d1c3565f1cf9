package com.onsiteatlas.reporting.schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.support.retention.ConferencePurge;

/**
 * Removes a deleted conference's report schedules and their runs once its retention
 * window ended. Idempotent.
 */
@Component
class SchedulePurge implements ConferencePurge {

	private static final Logger logger = LoggerFactory.getLogger(SchedulePurge.class);

	private final ReportScheduleRepository schedules;

	private final ScheduleRunRepository runs;

	SchedulePurge(ReportScheduleRepository schedules, ScheduleRunRepository runs) {
		this.schedules = schedules;
		this.runs = runs;
	}

	@Override
	public Mono<Void> purge(String eventId) {
		return this.schedules.findByEventId(eventId)
			.concatMap((schedule) -> this.runs.deleteByScheduleId(schedule.id())
				.then(this.schedules.deleteById(schedule.id()))
				.thenReturn(schedule.id()))
			.count()
			.doOnNext((count) -> logger.info("Event {} purged: removed {} report schedules and their runs", eventId,
					count))
			.then();
	}

}
