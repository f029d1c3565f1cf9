package com.onsiteatlas.lodging.inventory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import com.onsiteatlas.lodging.calendar.Dates;
import com.onsiteatlas.lodging.hotel.Hotel;
import com.onsiteatlas.lodging.hotel.HotelService;
import com.onsiteatlas.lodging.hotel.RoomType;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;
import com.onsiteatlas.support.web.ApiException;

/**
 * Room-block inventory. A booking takes one room per night with one conditional
 * {@code findAndModify} per night ({@code available > 0} and not already held by it);
 * when a later night fails, the nights already taken are given back and the caller gets a
 * 409. Each night document lists its holders, so taking and giving back are idempotent
 * and a crash half-way can be repaired from the documents alone.
 */
@Service
public class InventoryService {

	private static final int MAX_NIGHTS_PER_REQUEST = 366;

	private final RoomNightRepository nights;

	private final HotelService hotels;

	private final Clock clock;

	InventoryService(RoomNightRepository nights, HotelService hotels, Clock clock) {
		this.nights = nights;
		this.hotels = hotels;
		this.clock = clock;
	}

	/**
	 * Whether rooms of this block are managed here (any night contracted); bookings of
	 * unmanaged room types are confirmed without inventory.
	 * @param block the block
	 * @return true when at least one night exists
	 */
	public Mono<Boolean> managed(Block block) {
		return this.nights.existsInBlock(block);
	}

	/**
	 * Takes one room for each night for a booking, all or nothing.
	 * @param block the block
	 * @param nights the nights
	 * @param bookingId the booking
	 * @return completes when every night is held; a 409 otherwise (nothing held then)
	 */
	public Mono<Void> reserve(Block block, Collection<LocalDate> nights, String bookingId) {
		List<String> taken = new CopyOnWriteArrayList<>();
		return Flux.fromIterable(nights)
			.map(LocalDate::toString)
			.concatMap((night) -> take(block, night, bookingId).doOnNext(taken::add))
			.then()
			.onErrorResume((ex) -> release(block, taken, bookingId).then(Mono.error(ex)));
	}

	/**
	 * Gives back the rooms a booking holds on these nights; nights it does not hold are
	 * skipped, so this is safe to repeat.
	 * @param block the block
	 * @param nights the nights
	 * @param bookingId the booking
	 * @return completes when done
	 */
	public Mono<Void> release(Block block, Collection<?> nights, String bookingId) {
		return Flux.fromIterable(nights)
			.map(Object::toString)
			.concatMap((night) -> this.nights.release(block, night, bookingId, this.clock.instant()))
			.then();
	}

	/**
	 * The nights of any block a booking is recorded as holding.
	 * @param eventId the conference
	 * @param bookingId the booking
	 * @return the night documents
	 */
	public Flux<RoomNight> heldBy(String eventId, String bookingId) {
		return this.nights.findHeldBy(eventId, bookingId);
	}

	/**
	 * Nights that have holders and were last changed before a time, for the repair job.
	 * @param changedBefore only nights untouched since then
	 * @return the nights
	 */
	public Flux<RoomNight> heldNightsUnchangedSince(Instant changedBefore) {
		return this.nights.findHeldUnchangedSince(changedBefore);
	}

	/**
	 * Removes every block of a deleted event.
	 * @param eventId the conference
	 * @return completes when done
	 */
	public Mono<Void> deleteEvent(String eventId) {
		return this.nights.removeAllOfEvent(eventId);
	}

	private Mono<String> take(Block block, String night, String bookingId) {
		return this.nights.take(block, night, bookingId, this.clock.instant())
			.map((saved) -> night)
			.switchIfEmpty(Mono.defer(() -> this.nights.findNight(block, night)
				.map((existing) -> (existing.holders() != null && existing.holders().contains(bookingId))
						? "This booking already holds a room on " + night + " (a confirmation is in progress)"
						: "No rooms left in the " + block.roomType() + " block for the night of " + night)
				.defaultIfEmpty("No " + block.roomType() + " rooms are contracted for the night of " + night)
				.flatMap((message) -> Mono.error(ApiException.conflict(message)))));
	}

	Mono<List<RoomNight>> setBlock(String eventId, RoomBlockRequest request) {
		LocalDate first = Dates.parseDay(request.firstNight(), "firstNight");
		LocalDate last = (request.lastNight() != null) ? Dates.parseDay(request.lastNight(), "lastNight") : first;
		if (last.isBefore(first)) {
			return Mono.error(ApiException.badRequest("'lastNight' must not be before 'firstNight'"));
		}
		if (first.plusDays(MAX_NIGHTS_PER_REQUEST).isBefore(last)) {
			return Mono
				.error(ApiException.badRequest("A block may span at most " + MAX_NIGHTS_PER_REQUEST + " nights"));
		}
		return this.hotels.require(eventId, request.hotelId()).flatMap((hotel) -> {
			RoomType type = hotel.roomType(request.roomType());
			if (type == null) {
				return Mono.error(ApiException
					.badRequest("Hotel " + hotel.name() + " has no room type '" + request.roomType() + "'"));
			}
			Block block = new Block(eventId, hotel.id(), type.name());
			List<LocalDate> nights = new ArrayList<>();
			for (LocalDate night = first; !night.isAfter(last); night = night.plusDays(1)) {
				nights.add(night);
			}
			return Flux.fromIterable(nights)
				.concatMap((night) -> setNight(hotel, block, night.toString(), request.rooms(), 5))
				.collectList();
		});
	}

	private Mono<RoomNight> setNight(Hotel hotel, Block block, String night, int rooms, int attempts) {
		return this.nights.findNight(block, night).flatMap((existing) -> {
			int delta = rooms - existing.contracted();
			if (existing.available() + delta < 0) {
				return Mono.<RoomNight>error(ApiException.conflict("The night of " + night + " has " + existing.booked()
						+ " rooms booked; the block cannot be reduced to " + rooms));
			}
			// Conditional on the contracted count read, so a concurrent change makes us
			// read again instead of overwriting it.
			return this.nights.changeContracted(existing, delta, this.clock.instant());
		})
			.switchIfEmpty(Mono.defer(() -> this.nights
				.insert(new RoomNight(new ObjectId().toHexString(), block.eventId(), block.hotelId(), hotel.name(),
						block.roomType(), night, rooms, 0, rooms, List.of(), this.clock.instant()))
				.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())))
			.switchIfEmpty(Mono.defer(() -> (attempts > 1) ? setNight(hotel, block, night, rooms, attempts - 1) : Mono
				.error(ApiException.conflict("The night of " + night + " is being changed concurrently; retry"))));
	}

	Mono<Paged<RoomNight>> list(String eventId, PageQuery page, String hotelId, String roomType, String from,
			String to) {
		return this.nights.page(filter(eventId, hotelId, roomType, from, to), page);
	}

	/**
	 * The pickup of the matching blocks, night by night and in total.
	 * @param eventId the conference
	 * @param hotelId only this hotel
	 * @param roomType only this room type
	 * @param from first night
	 * @param to last night
	 * @return one report per hotel and room type
	 */
	Mono<List<PickupReport>> pickup(String eventId, String hotelId, String roomType, String from, String to) {
		return this.nights.findSorted(filter(eventId, hotelId, roomType, from, to))
			.collectList()
			.map(PickupReport::perBlock);
	}

	Mono<RoomNight> delete(String eventId, String id) {
		return this.nights.removeIfNotBooked(eventId, id)
			.switchIfEmpty(
					Mono.defer(() -> this.nights.existsInEvent(eventId, id)
						.flatMap((exists) -> Mono.error(exists
								? ApiException.conflict("Rooms of this night are booked; cancel those bookings first")
								: ApiException.notFound("Room block night not found")))));
	}

	private static RoomNightFilter filter(String eventId, String hotelId, String roomType, String from, String to) {
		return new RoomNightFilter(eventId, hotelId, roomType, Dates.parseDay(from, "from"), Dates.parseDay(to, "to"));
	}

}
