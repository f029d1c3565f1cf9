package com.onsiteatlas.lodging.booking;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.onsiteatlas.lodging.hotel.HotelReferences;

/**
 * A hotel with bookings that are not cancelled cannot be deleted.
 */
@Component
class BookingHotelReferences implements HotelReferences {

	private final ReactiveMongoTemplate mongo;

	BookingHotelReferences(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<String> blockingDeletion(String eventId, String hotelId) {
		Query query = Query.query(Criteria.where("event")
			.is(eventId)
			.and("hotel.hotelId")
			.is(hotelId)
			.and("bookingStatus")
			.ne(BookingStatus.CANCELLED.value()));
		return this.mongo.count(query, HotelBooking.class)
			.filter((count) -> count > 0)
			.map((count) -> count + ((count == 1) ? " booking" : " bookings") + " (not cancelled)");
	}

}
