package com.onsiteatlas.lodging.hotel;

import reactor.core.publisher.Mono;

import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;

/**
 * The hotel queries Spring Data cannot derive.
 */
interface HotelRepositoryCustom {

	/**
	 * One page of an event's hotels.
	 * @param eventId the conference
	 * @param search text in the name or city, may be null or blank
	 * @param official only official (true) or other (false) hotels, may be null
	 * @param city only this city (any case), may be null or blank
	 * @param page paging
	 * @return the page
	 */
	Mono<Paged<Hotel>> page(String eventId, String search, Boolean official, String city, PageQuery page);

	/**
	 * Removes every hotel of an event.
	 * @param eventId the conference
	 * @return the number removed
	 */
	Mono<Long> removeAllOfEvent(String eventId);

}
