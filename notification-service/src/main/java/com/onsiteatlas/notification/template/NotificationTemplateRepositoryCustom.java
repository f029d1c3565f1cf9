package com.onsiteatlas.notification.template;

import reactor.core.publisher.Mono;

import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;

/**
 * The template queries Spring Data cannot derive, and those scoped to one conference.
 */
interface NotificationTemplateRepositoryCustom {

	/**
	 * One page of a conference's templates matching a filter.
	 * @param eventId the conference
	 * @param filter type, active flag and name search
	 * @param page paging
	 * @return the page
	 */
	Mono<Paged<NotificationTemplate>> page(String eventId, TemplateFilter filter, PageQuery page);

	/**
	 * A template, only when it belongs to the conference.
	 * @param eventId the conference
	 * @param id the template id
	 * @return the template, empty when unknown or of another conference
	 */
	Mono<NotificationTemplate> findOfEvent(String eventId, String id);

	/**
	 * Removes every template of a conference.
	 * @param eventId the conference
	 * @return the number removed
	 */
	Mono<Long> removeAllOfEvent(String eventId);

}
