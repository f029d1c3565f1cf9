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
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import com.onsiteatlas.lodging.calendar.Dates;
import com.onsiteatlas.lodging.hotel.Hotel;
import com.onsiteatlas.lodging.hotel.HotelService;
import com.onsiteatlas.lodging.hotel.RoomType;
import com.onsiteatlas.support.paging.MongoPaging;
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

	private final ReactiveMongoTemplate mongo;

	private final HotelService hotels;

	private final Clock clock;

	InventoryService(ReactiveMongoTemplate mongo, HotelService hotels, Clock clock) {
		this.mongo = mongo;
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
		return this.mongo.exists(blockQuery(block), RoomNight.class);
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
			.concatMap((night) -> this.mongo.updateFirst(
					Query.query(nightCriteria(block, night).and("holders").is(bookingId)),
					new Update().inc("booked", -1)
						.inc("available", 1)
						.pull("holders", bookingId)
						.set("updatedAt", this.clock.instant()),
					RoomNight.class))
			.then();
	}

	/**
	 * The nights of any block a booking is recorded as holding.
	 * @param eventId the conference
	 * @param bookingId the booking
	 * @return the night documents
	 */
	public Flux<RoomNight> heldBy(String eventId, String bookingId) {
		return this.mongo.find(Query.query(Criteria.where("event").is(eventId).and("holders").is(bookingId)),
				RoomNight.class);
	}

	/**
	 * Nights that have holders and were last changed before a time, for the repair job.
	 * @param changedBefore only nights untouched since then
	 * @return the nights
	 */
	public Flux<RoomNight> heldNightsUnchangedSince(Instant changedBefore) {
		return this.mongo.find(Query.query(Criteria.where("holders.0").exists(true).and("updatedAt").lt(changedBefore)),
				RoomNight.class);
	}

	/**
	 * Removes every block of a deleted event.
	 * @param eventId the conference
	 * @return completes when done
	 */
	public Mono<Void> deleteEvent(String eventId) {
		return this.mongo.remove(Query.query(Criteria.where("event").is(eventId)), RoomNight.class).then();
	}

	private Mono<String> take(Block block, String night, String bookingId) {
		Query query = Query.query(nightCriteria(block, night).and("available").gt(0).and("holders").ne(bookingId));
		Update update = new Update().inc("booked", 1)
			.inc("available", -1)
			.push("holders", bookingId)
			.set("updatedAt", this.clock.instant());
		return this.mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), RoomNight.class)
			.map((saved) -> night)
			.switchIfEmpty(
					Mono.defer(() -> this.mongo.findOne(Query.query(nightCriteria(block, night)), RoomNight.class)
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
		return this.mongo.findOne(Query.query(nightCriteria(block, night)), RoomNight.class).flatMap((existing) -> {
			int delta = rooms - existing.contracted();
			if (existing.available() + delta < 0) {
				return Mono.<RoomNight>error(ApiException.conflict("The night of " + night + " has " + existing.booked()
						+ " rooms booked; the block cannot be reduced to " + rooms));
			}
			// Conditional on the contracted count read, so a concurrent change makes us
			// read again instead of overwriting it.
			Query query = Query.query(Criteria.where("_id")
				.is(existing.id())
				.and("contracted")
				.is(existing.contracted())
				.and("available")
				.gte(-delta));
			return this.mongo.findAndModify(query,
					new Update().inc("contracted", delta)
						.inc("available", delta)
						.set("updatedAt", this.clock.instant()),
					FindAndModifyOptions.options().returnNew(true), RoomNight.class);
		})
			.switchIfEmpty(Mono.defer(() -> this.mongo
				.insert(new RoomNight(new ObjectId().toHexString(), block.eventId(), block.hotelId(), hotel.name(),
						block.roomType(), night, rooms, 0, rooms, List.of(), this.clock.instant()))
				.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())))
			.switchIfEmpty(Mono.defer(() -> (attempts > 1) ? setNight(hotel, block, night, rooms, attempts - 1) : Mono
				.error(ApiException.conflict("The night of " + night + " is being changed concurrently; retry"))));
	}

	Mono<Paged<RoomNight>> list(String eventId, PageQuery page, String hotelId, String roomType, String from,
			String to) {
		return MongoPaging.find(this.mongo, Query.query(filter(eventId, hotelId, roomType, from, to)), RoomNight.class,
				page);
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
		return this.mongo
			.find(Query.query(filter(eventId, hotelId, roomType, from, to))
				.with(Sort.by("hotelName", "roomType", "night")), RoomNight.class)
			.collectList()
			.map(PickupReport::perBlock);
	}

	Mono<RoomNight> delete(String eventId, String id) {
		return this.mongo
			.findAndRemove(Query.query(Criteria.where("_id").is(id).and("event").is(eventId).and("booked").is(0)),
					RoomNight.class)
			.switchIfEmpty(
					Mono.defer(() -> this.mongo
						.exists(Query.query(Criteria.where("_id").is(id).and("event").is(eventId)), RoomNight.class)
						.flatMap((exists) -> Mono.error(exists
								? ApiException.conflict("Rooms of this night are booked; cancel those bookings first")
								: ApiException.notFound("Room block night not found")))));
	}

	private static Criteria filter(String eventId, String hotelId, String roomType, String from, String to) {
		Criteria criteria = Criteria.where("event").is(eventId);
		if (hotelId != null && !hotelId.isBlank()) {
			criteria.and("hotelId").is(hotelId.toLowerCase());
		}
		if (roomType != null && !roomType.isBlank()) {
			criteria.and("roomType").regex("^" + java.util.regex.Pattern.quote(roomType.trim()) + "$", "i");
		}
		LocalDate fromDay = Dates.parseDay(from, "from");
		LocalDate toDay = Dates.parseDay(to, "to");
		if (fromDay != null && toDay != null) {
			criteria.and("night").gte(fromDay.toString()).lte(toDay.toString());
		}
		else if (fromDay != null) {
			criteria.and("night").gte(fromDay.toString());
		}
		else if (toDay != null) {
			criteria.and("night").lte(toDay.toString());
		}
		return criteria;
	}

	private static Query blockQuery(Block block) {
		return Query.query(Criteria.where("event")
			.is(block.eventId())
			.and("hotelId")
			.is(block.hotelId())
			.and("roomType")
			.is(block.roomType()));
	}

	private static Criteria nightCriteria(Block block, String night) {
		return Criteria.where("event")
			.is(block.eventId())
			.and("hotelId")
			.is(block.hotelId())
			.and("roomType")
			.is(block.roomType())
			.and("night")
			.is(night);
	}

}
