package com.onsiteatlas.lodging.hotel;

import java.util.Locale;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.onsiteatlas.support.paging.MongoPaging;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;

/**
 * The MongoDB side of {@link HotelRepositoryCustom}.
 */
class HotelRepositoryImpl implements HotelRepositoryCustom {

	private final ReactiveMongoTemplate mongo;

	HotelRepositoryImpl(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<Paged<Hotel>> page(String eventId, String search, Boolean official, String city, PageQuery page) {
		Criteria criteria = Criteria.where("event").is(eventId);
		if (search != null && !search.isBlank()) {
			criteria.and("searchText").regex(Pattern.quote(search.trim().toLowerCase(Locale.ROOT)));
		}
		if (official != null) {
			criteria.and("isOfficial").is(official);
		}
		if (city != null && !city.isBlank()) {
			criteria.and("address.city").regex("^" + Pattern.quote(city.trim()) + "$", "i");
		}
		return MongoPaging.find(this.mongo, Query.query(criteria), Hotel.class, page);
	}

	@Override
	public Mono<Long> removeAllOfEvent(String eventId) {
		return this.mongo.remove(Query.query(Criteria.where("event").is(eventId)), Hotel.class)
			.map((result) -> result.getDeletedCount());
	}

}
