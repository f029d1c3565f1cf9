package com.onsiteatlas.reporting.export;

import reactor.core.publisher.Mono;

import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;

/**
 * The export config queries Spring Data cannot derive: each sees only the configs a
 * viewer may see (own and global ones; for a token bound to an event, only configs of
 * that event or of no event).
 */
interface ExportConfigRepositoryCustom {

	/**
	 * One page of the configs a viewer may see.
	 * @param search viewer and filters
	 * @param page paging
	 * @return the page
	 */
	Mono<Paged<ExportConfig>> page(ConfigSearch search, PageQuery page);

	/**
	 * A config, if the viewer may see it.
	 * @param id config id
	 * @param viewer who asks
	 * @return the config, or empty
	 */
	Mono<ExportConfig> findVisible(String id, ConfigViewer viewer);

}
