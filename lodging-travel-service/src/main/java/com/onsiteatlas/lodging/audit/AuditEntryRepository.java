package com.onsiteatlas.lodging.audit;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/**
 * The document audit log: Spring Data's inserts, plus the page query of
 * {@link AuditEntryRepositoryCustom}.
 */
interface AuditEntryRepository extends ReactiveMongoRepository<AuditEntry, String>, AuditEntryRepositoryCustom {

}
