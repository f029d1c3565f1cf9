package com.onsiteatlas.lodging.booking;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.onsiteatlas.domainevents.RegistrationSnapshot;
import com.onsiteatlas.support.messaging.OutboxMessage;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;

/**
 * The booking queries and writes Spring Data cannot derive: each write is one conditional
 * single-document {@code findAndModify} that stores the change together with its domain
 * events in the document's outbox.
 */
interface HotelBookingRepositoryCustom {

	/**
	 * Stores a booking's fields on condition that it is unchanged since it was read (same
	 * {@code updatedAt}), with its outbox entries.
	 * @param before the booking as read
	 * @param after the booking as it should be stored
	 * @param messages the domain events of the change
	 * @return the booking as stored, empty when the condition no longer holds
	 */
	Mono<HotelBooking> updateIfUnchanged(HotelBooking before, HotelBooking after, List<OutboxMessage> messages);

	/**
	 * Stores a booking's fields on condition that it is still in the status read, with
	 * its outbox entries. The confirmation document is left as it is stored: a status
	 * change does not touch it, and one may have been uploaded or re-encrypted since the
	 * read.
	 * @param before the booking as read
	 * @param after the booking in its new status
	 * @param messages the domain events of the change
	 * @return the booking as stored, empty when the status changed meanwhile
	 */
	Mono<HotelBooking> updateIfStillInStatus(HotelBooking before, HotelBooking after, List<OutboxMessage> messages);

	/**
	 * Points a booking's confirmation at a re-encrypted copy of its stored file, on
	 * condition that it still names the original; {@code updatedAt} moves on, so a change
	 * based on a read from before fails as a concurrent one.
	 * @param id the booking id
	 * @param oldFileId the original's GridFS id
	 * @param newFileId the copy's GridFS id
	 * @param at when
	 * @return whether the confirmation now names the copy
	 */
	Mono<Boolean> replaceConfirmationFile(String id, String oldFileId, String newFileId, Instant at);

	/**
	 * Whether a booking's confirmation names a stored file.
	 * @param id the booking id
	 * @param fileId the GridFS id
	 * @return true when it does
	 */
	Mono<Boolean> namesConfirmationFile(String id, String fileId);

	/**
	 * Removes a booking on condition that it is unchanged since it was read.
	 * @param booking the booking as read
	 * @return the removed booking, empty when it changed meanwhile
	 */
	Mono<HotelBooking> removeIfUnchanged(HotelBooking booking);

	/**
	 * One page of the bookings matching a search.
	 * @param search what to match
	 * @param page paging
	 * @return the page
	 */
	Mono<Paged<HotelBooking>> page(BookingSearch search, PageQuery page);

	/**
	 * The bookings of a registration, newest first.
	 * @param eventId the conference
	 * @param registration the registration {@code _id}
	 * @return the bookings
	 */
	Flux<HotelBooking> findOfRegistrationNewestFirst(String eventId, String registration);

	/**
	 * The bookings of some registrations that are not cancelled.
	 * @param eventId the conference
	 * @param registrations registration ids
	 * @return the bookings
	 */
	Flux<HotelBooking> findActiveOf(String eventId, Collection<String> registrations);

	/**
	 * The pending bookings of a registration that do not carry a flag yet.
	 * @param eventId the conference
	 * @param registration the registration {@code _id}
	 * @param flag the flag
	 * @return the bookings
	 */
	Flux<HotelBooking> findPendingWithoutFlag(String eventId, String registration, String flag);

	/**
	 * Copies a registration's guest details onto all its bookings.
	 * @param eventId the conference
	 * @param registration the registration as a domain event carried it
	 * @return completes when done
	 */
	Mono<Void> refreshGuest(String eventId, RegistrationSnapshot registration);

	/**
	 * How many bookings at a hotel are not cancelled.
	 * @param eventId the conference
	 * @param hotelId the hotel
	 * @return the count
	 */
	Mono<Long> countActiveAtHotel(String eventId, String hotelId);

	/**
	 * Removes every booking of an event.
	 * @param eventId the conference
	 * @return the number removed
	 */
	Mono<Long> removeAllOfEvent(String eventId);

}
