package com.onsiteatlas.reporting.readmodel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.support.retention.ConferencePurge;

/**
 * Removes a deleted conference's report rows (registrations, payments, abstracts,
 * bookings, ... as the projection wrote them) once its retention window ended. The
 * conference's own view stays, marked deleted, so its reports keep answering "deleted".
 * Idempotent.
 */
@Component
class ReportRowPurge implements ConferencePurge {

	private static final Logger logger = LoggerFactory.getLogger(ReportRowPurge.class);

	private final ReportRowRepository rows;

	ReportRowPurge(ReportRowRepository rows) {
		this.rows = rows;
	}

	@Override
	public Mono<Void> purge(String eventId) {
		return this.rows.deleteByEventId(eventId)
			.doOnNext((count) -> logger.info("Event {} purged: removed {} report rows", eventId, count))
			.then();
	}

}
