package com.onsiteatlas.reporting.export;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/**
 * The export configs: Spring Data's reads and writes, plus the visibility-checked
 * searches of {@link ExportConfigRepositoryCustom}.
 */
interface ExportConfigRepository extends ReactiveMongoRepository<ExportConfig, String>, ExportConfigRepositoryCustom {

}
