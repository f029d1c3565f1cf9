package com.onsiteatlas.reporting.export;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/**
 * The export jobs: Spring Data's reads and writes, plus the claims, guarded writes and
 * searches of {@link ExportHistoryRepositoryCustom}.
 */
interface ExportHistoryRepository
		extends ReactiveMongoRepository<ExportHistory, String>, ExportHistoryRepositoryCustom {

}
