package com.onsiteatlas.lodging.audit;

import reactor.core.publisher.Mono;

import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;

/**
 * The audit-log query Spring Data cannot derive: one page with its total.
 */
interface AuditEntryRepositoryCustom {

	/**
	 * One page of an event's log.
	 * @param eventId the conference
	 * @param resourceId only this record, may be null
	 * @param page paging
	 * @return the page
	 */
	Mono<Paged<AuditEntry>> page(String eventId, String resourceId, PageQuery page);

}
