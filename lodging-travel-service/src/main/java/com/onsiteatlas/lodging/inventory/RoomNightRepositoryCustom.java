package com.onsiteatlas.lodging.inventory;

import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;

/**
 * The room-night queries and writes Spring Data cannot derive. Taking and giving back a
 * room are conditional single-document writes, so two bookings never take the last room
 * twice and a repeated call changes nothing more.
 */
interface RoomNightRepositoryCustom {

	/**
	 * Whether any night of a block exists.
	 * @param block the block
	 * @return true when at least one night is contracted
	 */
	Mono<Boolean> existsInBlock(Block block);

	/**
	 * The night of a block.
	 * @param block the block
	 * @param night the night ({@code yyyy-MM-dd})
	 * @return the night, or empty
	 */
	Mono<RoomNight> findNight(Block block, String night);

	/**
	 * Takes one room of a night for a booking, on condition that a room is available and
	 * the booking does not hold one yet.
	 * @param block the block
	 * @param night the night
	 * @param bookingId the booking
	 * @param at when
	 * @return the night as stored, empty when the condition does not hold
	 */
	Mono<RoomNight> take(Block block, String night, String bookingId, Instant at);

	/**
	 * Gives back the room a booking holds on a night; nothing when it holds none.
	 * @param block the block
	 * @param night the night
	 * @param bookingId the booking
	 * @param at when
	 * @return completes when done
	 */
	Mono<Void> release(Block block, String night, String bookingId, Instant at);

	/**
	 * Changes the contracted rooms of a night by a number, on condition that the
	 * contracted count is still the one read and no booked room would be lost.
	 * @param night the night as read
	 * @param delta rooms added (negative: removed)
	 * @param at when
	 * @return the night as stored, empty when it changed meanwhile
	 */
	Mono<RoomNight> changeContracted(RoomNight night, int delta, Instant at);

	/**
	 * The nights a booking is recorded as holding.
	 * @param eventId the conference
	 * @param bookingId the booking
	 * @return the nights
	 */
	Flux<RoomNight> findHeldBy(String eventId, String bookingId);

	/**
	 * Nights that have holders and were last changed before a time.
	 * @param changedBefore only nights untouched since then
	 * @return the nights
	 */
	Flux<RoomNight> findHeldUnchangedSince(Instant changedBefore);

	/**
	 * One page of the nights matching a filter.
	 * @param filter what to match
	 * @param page paging
	 * @return the page
	 */
	Mono<Paged<RoomNight>> page(RoomNightFilter filter, PageQuery page);

	/**
	 * The nights matching a filter, by hotel name, room type and night.
	 * @param filter what to match
	 * @return the nights
	 */
	Flux<RoomNight> findSorted(RoomNightFilter filter);

	/**
	 * Removes a night of an event on condition that no room of it is booked.
	 * @param eventId the conference
	 * @param id the night's id
	 * @return the removed night, empty when it is booked or not there
	 */
	Mono<RoomNight> removeIfNotBooked(String eventId, String id);

	/**
	 * Whether a night of an event exists.
	 * @param eventId the conference
	 * @param id the night's id
	 * @return true when it does
	 */
	Mono<Boolean> existsInEvent(String eventId, String id);

	/**
	 * How many nights of a hotel have booked rooms.
	 * @param eventId the conference
	 * @param hotelId the hotel
	 * @return the count
	 */
	Mono<Long> countBookedAtHotel(String eventId, String hotelId);

	/**
	 * Removes the nights of a hotel without booked rooms.
	 * @param eventId the conference
	 * @param hotelId the hotel
	 * @return completes when done
	 */
	Mono<Void> removeUnbookedAtHotel(String eventId, String hotelId);

	/**
	 * Removes every night of an event.
	 * @param eventId the conference
	 * @return completes when done
	 */
	Mono<Void> removeAllOfEvent(String eventId);

}
