package com.onsiteatlas.reporting.favorite;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The favourite queries Spring Data cannot derive.
 */
interface FavoriteRepositoryCustom {

	/**
	 * A user's favourites, newest first.
	 * @param search whose, and of which event and kind
	 * @param limit how many at most
	 * @return the favourites
	 */
	Flux<Favorite> search(FavoriteSearch search, int limit);

	/**
	 * Removes a favourite of a user.
	 * @param id favourite id
	 * @param userId whose favourite it must be
	 * @return the number removed, 0 or 1
	 */
	Mono<Long> removeOwned(String id, String userId);

}
