package com.onsiteatlas.reporting.favorite;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The MongoDB side of {@link FavoriteRepositoryCustom}.
 */
class FavoriteRepositoryImpl implements FavoriteRepositoryCustom {

	private final ReactiveMongoTemplate mongo;

	FavoriteRepositoryImpl(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Flux<Favorite> search(FavoriteSearch search, int limit) {
		List<Criteria> all = new ArrayList<>();
		all.add(Criteria.where("userId").is(search.userId()));
		if (search.eventId() != null) {
			all.add(new Criteria().orOperator(Criteria.where("eventId").is(search.eventId()),
					Criteria.where("eventId").is(null)));
		}
		if (search.kind() != null) {
			all.add(Criteria.where("kind").is(search.kind()));
		}
		Query query = Query.query(new Criteria().andOperator(all))
			.with(Sort.by(Sort.Direction.DESC, "createdAt"))
			.limit(limit);
		return this.mongo.find(query, Favorite.class);
	}

	@Override
	public Mono<Long> removeOwned(String id, String userId) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(id).and("userId").is(userId)), Favorite.class)
			.map((result) -> result.getDeletedCount());
	}

}
