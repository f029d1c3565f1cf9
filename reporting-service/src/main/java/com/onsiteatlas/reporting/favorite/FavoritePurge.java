package com.onsiteatlas.reporting.favorite;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.support.retention.ConferencePurge;

/**
 * Removes the favourites for a deleted conference once its retention window ended (not
 * those for any event). Idempotent.
 */
@Component
class FavoritePurge implements ConferencePurge {

	private static final Logger logger = LoggerFactory.getLogger(FavoritePurge.class);

	private final FavoriteRepository favorites;

	FavoritePurge(FavoriteRepository favorites) {
		this.favorites = favorites;
	}

	@Override
	public Mono<Void> purge(String eventId) {
		return this.favorites.deleteByEventId(eventId)
			.doOnNext((count) -> logger.info("Event {} purged: removed {} report favourites", eventId, count))
			.then();
	}

}
