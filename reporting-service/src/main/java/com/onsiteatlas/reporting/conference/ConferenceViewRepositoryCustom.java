package com.onsiteatlas.reporting.conference;

import reactor.core.publisher.Mono;

import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;
import com.onsiteatlas.readmodel.ConferenceView;

/**
 * The conference search Spring Data cannot derive.
 */
interface ConferenceViewRepositoryCustom {

	/**
	 * One page of the conferences that are not deleted.
	 * @param search the filters
	 * @param page paging
	 * @return the page
	 */
	Mono<Paged<ConferenceView>> page(ConferenceSearch search, PageQuery page);

}
