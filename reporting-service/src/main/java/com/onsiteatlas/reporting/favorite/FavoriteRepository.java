package com.onsiteatlas.reporting.favorite;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/**
 * The users' favourites: Spring Data's reads and writes, plus the searches of
 * {@link FavoriteRepositoryCustom}.
 */
interface FavoriteRepository extends ReactiveMongoRepository<Favorite, String>, FavoriteRepositoryCustom {

	/**
	 * A user's favourite of one kind, target and event.
	 * @param userId whose favourite
	 * @param uniqueKey its unique key
	 * @return the favourite, or empty
	 */
	Mono<Favorite> findByUserIdAndUniqueKey(String userId, String uniqueKey);

	/**
	 * Removes the favourites of a conference (not those for any event).
	 * @param eventId the conference
	 * @return how many were removed
	 */
	Mono<Long> deleteByEventId(String eventId);

}
