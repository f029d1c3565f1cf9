package com.onsiteatlas.reporting.readmodel;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/**
 * The read-model rows as the projection writes them: Spring Data's reads and writes, plus
 * the guarded upserts of {@link ReportRowRepositoryCustom}.
 */
interface ReportRowRepository extends ReactiveMongoRepository<ReportRow, String>, ReportRowRepositoryCustom {

	/**
	 * Removes the rows of a conference.
	 * @param eventId the conference
	 * @return how many were removed
	 */
	Mono<Long> deleteByEventId(String eventId);

}
