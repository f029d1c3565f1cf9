package com.onsiteatlas.lodging.travel;

import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.onsiteatlas.domainevents.RegistrationSnapshot;
import com.onsiteatlas.support.messaging.OutboxMessage;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;

/**
 * The itinerary queries and writes Spring Data cannot derive: a change is one conditional
 * single-document {@code findAndModify} that stores it together with its domain event in
 * the document's outbox.
 */
interface TravelInfoRepositoryCustom {

	/**
	 * Applies a change on condition that the itinerary is unchanged since it was read
	 * (same {@code updatedAt}), with its outbox entry.
	 * @param before the itinerary as read
	 * @param change the change
	 * @param message the domain event of the change
	 * @return the itinerary as stored, empty when it changed meanwhile
	 */
	Mono<TravelInfo> changeIfUnchanged(TravelInfo before, TravelChange change, OutboxMessage message);

	/**
	 * Points a document of an itinerary at a re-encrypted copy of its stored file, on
	 * condition that it still names the original; {@code updatedAt} moves on, so a change
	 * based on a read from before fails as a concurrent one.
	 * @param id the itinerary id
	 * @param oldFileId the original's GridFS id
	 * @param newFileId the copy's GridFS id
	 * @param at when
	 * @return whether a document now names the copy
	 */
	Mono<Boolean> replaceStoredFile(String id, String oldFileId, String newFileId, Instant at);

	/**
	 * Whether a document of an itinerary names a stored file.
	 * @param id the itinerary id
	 * @param fileId the GridFS id
	 * @return true when one does
	 */
	Mono<Boolean> namesStoredFile(String id, String fileId);

	/**
	 * Removes an itinerary.
	 * @param id the itinerary id
	 * @return the removed itinerary, empty when it is gone already
	 */
	Mono<TravelInfo> removeById(String id);

	/**
	 * One page of the itineraries matching a search.
	 * @param search what to match
	 * @param page paging
	 * @return the page
	 */
	Mono<Paged<TravelInfo>> page(TravelSearch search, PageQuery page);

	/**
	 * The itinerary of a registration.
	 * @param eventId the conference
	 * @param registration the registration {@code _id}
	 * @return the itinerary, or empty
	 */
	Mono<TravelInfo> findOfRegistration(String eventId, String registration);

	/**
	 * Itineraries with a leg needing transfer in a date range.
	 * @param eventId the conference
	 * @param arrivals arrivals (true) or departures (false)
	 * @param from first instant
	 * @param to last instant
	 * @return the itineraries
	 */
	Flux<TravelInfo> findTransfers(String eventId, boolean arrivals, Instant from, Instant to);

	/**
	 * Copies a registration's traveller details onto its itinerary.
	 * @param eventId the conference
	 * @param registration the registration as a domain event carried it
	 * @return completes when done
	 */
	Mono<Void> refreshTraveller(String eventId, RegistrationSnapshot registration);

	/**
	 * Removes every itinerary of an event.
	 * @param eventId the conference
	 * @return the number removed
	 */
	Mono<Long> removeAllOfEvent(String eventId);

}
