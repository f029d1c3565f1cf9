package com.onsiteatlas.reporting.export;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/**
 * The export jobs: Spring Data's reads and writes, plus the claims, guarded writes and
 * searches of {@link ExportHistoryRepositoryCustom}.
 */
interface ExportHistoryRepository
		extends ReactiveMongoRepository<ExportHistory, String>, ExportHistoryRepositoryCustom {

	/**
	 * The jobs of a conference.
	 * @param event the conference
	 * @return its jobs
	 */
	Flux<ExportHistory> findByEvent(String event);

	/**
	 * Removes the jobs of a conference.
	 * @param event the conference
	 * @return how many were removed
	 */
	Mono<Long> deleteByEvent(String event);

}
