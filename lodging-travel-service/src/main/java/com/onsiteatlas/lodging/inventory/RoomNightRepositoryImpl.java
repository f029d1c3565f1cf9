package com.onsiteatlas.lodging.inventory;

import java.time.Instant;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.onsiteatlas.support.paging.MongoPaging;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;

/**
 * The MongoDB side of {@link RoomNightRepositoryCustom}: the only inventory class that
 * writes criteria and updates.
 */
class RoomNightRepositoryImpl implements RoomNightRepositoryCustom {

	private final ReactiveMongoTemplate mongo;

	RoomNightRepositoryImpl(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<Boolean> existsInBlock(Block block) {
		return this.mongo.exists(Query.query(Criteria.where("event")
			.is(block.eventId())
			.and("hotelId")
			.is(block.hotelId())
			.and("roomType")
			.is(block.roomType())), RoomNight.class);
	}

	@Override
	public Mono<RoomNight> findNight(Block block, String night) {
		return this.mongo.findOne(Query.query(nightCriteria(block, night)), RoomNight.class);
	}

	@Override
	public Mono<RoomNight> take(Block block, String night, String bookingId, Instant at) {
		Query query = Query.query(nightCriteria(block, night).and("available").gt(0).and("holders").ne(bookingId));
		Update update = new Update().inc("booked", 1)
			.inc("available", -1)
			.push("holders", bookingId)
			.set("updatedAt", at);
		return this.mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), RoomNight.class);
	}

	@Override
	public Mono<Void> release(Block block, String night, String bookingId, Instant at) {
		return this.mongo
			.updateFirst(Query.query(nightCriteria(block, night).and("holders").is(bookingId)),
					new Update().inc("booked", -1).inc("available", 1).pull("holders", bookingId).set("updatedAt", at),
					RoomNight.class)
			.then();
	}

	@Override
	public Mono<RoomNight> changeContracted(RoomNight night, int delta, Instant at) {
		Query query = Query.query(Criteria.where("_id")
			.is(night.id())
			.and("contracted")
			.is(night.contracted())
			.and("available")
			.gte(-delta));
		return this.mongo.findAndModify(query,
				new Update().inc("contracted", delta).inc("available", delta).set("updatedAt", at),
				FindAndModifyOptions.options().returnNew(true), RoomNight.class);
	}

	@Override
	public Flux<RoomNight> findHeldBy(String eventId, String bookingId) {
		return this.mongo.find(Query.query(Criteria.where("event").is(eventId).and("holders").is(bookingId)),
				RoomNight.class);
	}

	@Override
	public Flux<RoomNight> findHeldUnchangedSince(Instant changedBefore) {
		return this.mongo.find(Query.query(Criteria.where("holders.0").exists(true).and("updatedAt").lt(changedBefore)),
				RoomNight.class);
	}

	@Override
	public Mono<Paged<RoomNight>> page(RoomNightFilter filter, PageQuery page) {
		return MongoPaging.find(this.mongo, Query.query(criteria(filter)), RoomNight.class, page);
	}

	@Override
	public Flux<RoomNight> findSorted(RoomNightFilter filter) {
		return this.mongo.find(Query.query(criteria(filter)).with(Sort.by("hotelName", "roomType", "night")),
				RoomNight.class);
	}

	@Override
	public Mono<RoomNight> removeIfNotBooked(String eventId, String id) {
		return this.mongo.findAndRemove(
				Query.query(Criteria.where("_id").is(id).and("event").is(eventId).and("booked").is(0)),
				RoomNight.class);
	}

	@Override
	public Mono<Boolean> existsInEvent(String eventId, String id) {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(id).and("event").is(eventId)), RoomNight.class);
	}

	@Override
	public Mono<Long> countBookedAtHotel(String eventId, String hotelId) {
		return this.mongo.count(Query.query(hotel(eventId, hotelId).and("booked").gt(0)), RoomNight.class);
	}

	@Override
	public Mono<Void> removeUnbookedAtHotel(String eventId, String hotelId) {
		return this.mongo.remove(Query.query(hotel(eventId, hotelId).and("booked").is(0)), RoomNight.class).then();
	}

	@Override
	public Mono<Void> removeAllOfEvent(String eventId) {
		return this.mongo.remove(Query.query(Criteria.where("event").is(eventId)), RoomNight.class).then();
	}

	private static Criteria criteria(RoomNightFilter filter) {
		Criteria criteria = Criteria.where("event").is(filter.eventId());
		if (filter.hotelId() != null && !filter.hotelId().isBlank()) {
			criteria.and("hotelId").is(filter.hotelId().toLowerCase());
		}
		if (filter.roomType() != null && !filter.roomType().isBlank()) {
			criteria.and("roomType").regex("^" + Pattern.quote(filter.roomType().trim()) + "$", "i");
		}
		if (filter.from() != null && filter.to() != null) {
			criteria.and("night").gte(filter.from().toString()).lte(filter.to().toString());
		}
		else if (filter.from() != null) {
			criteria.and("night").gte(filter.from().toString());
		}
		else if (filter.to() != null) {
			criteria.and("night").lte(filter.to().toString());
		}
		return criteria;
	}

	private static Criteria hotel(String eventId, String hotelId) {
		return Criteria.where("event").is(eventId).and("hotelId").is(hotelId);
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
