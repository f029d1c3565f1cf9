package com.onsiteatlas.lodging.inventory;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.onsiteatlas.lodging.hotel.HotelReferences;

/**
 * Room-block nights with booked rooms keep their hotel; empty nights are deleted with it.
 */
@Component
class RoomNightHotelReferences implements HotelReferences {

	private final ReactiveMongoTemplate mongo;

	RoomNightHotelReferences(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<String> blockingDeletion(String eventId, String hotelId) {
		return this.mongo.count(Query.query(hotel(eventId, hotelId).and("booked").gt(0)), RoomNight.class)
			.filter((count) -> count > 0)
			.map((count) -> count + ((count == 1) ? " room-block night" : " room-block nights") + " with booked rooms");
	}

	@Override
	public Mono<Void> deleteWithHotel(String eventId, String hotelId) {
		return this.mongo.remove(Query.query(hotel(eventId, hotelId).and("booked").is(0)), RoomNight.class).then();
	}

	private static Criteria hotel(String eventId, String hotelId) {
		return Criteria.where("event").is(eventId).and("hotelId").is(hotelId);
	}

}
