package com.onsiteatlas.reporting.export;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/**
 * The export configs: Spring Data's reads and writes, plus the visibility-checked
 * searches of {@link ExportConfigRepositoryCustom}.
 */
interface ExportConfigRepository extends ReactiveMongoRepository<ExportConfig, String>, ExportConfigRepositoryCustom {

	/**
	 * Removes the configs of a conference (not those usable in any event).
	 * @param event the conference
	 * @return how many were removed
	 */
	Mono<Long> deleteByEvent(String event);

}
