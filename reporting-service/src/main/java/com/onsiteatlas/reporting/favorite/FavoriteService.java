package com.onsiteatlas.reporting.favorite;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import com.onsiteatlas.reporting.builder.BuilderRequests;
import com.onsiteatlas.reporting.builder.ReportTemplate;
import com.onsiteatlas.reporting.export.ExportConfigService;
import com.onsiteatlas.support.security.AtlasPrincipal;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * Favourites are private to their user. A favourite belongs to one event or to none; a
 * user whose token is bound to an event only sees and marks favourites of that event (or
 * of none). Export config favourites follow the config: once the user can no longer see
 * it, it drops out of the list.
 */
@Service
class FavoriteService {

	private static final List<String> KINDS = List.of(Favorite.EXPORT_CONFIG, Favorite.TEMPLATE, Favorite.BUILDER);

	private static final int MAX_PER_USER = 500;

	private final FavoriteRepository favorites;

	private final ExportConfigService configs;

	private final BuilderRequests requests;

	private final Clock clock;

	FavoriteService(FavoriteRepository favorites, ExportConfigService configs, BuilderRequests requests, Clock clock) {
		this.favorites = favorites;
		this.configs = configs;
		this.requests = requests;
		this.clock = clock;
	}

	Mono<List<Favorite>> list(AtlasPrincipal user, String eventId, String kind) {
		if (kind != null && !KINDS.contains(kind)) {
			throw ApiException.badRequest("kind must be one of " + String.join(", ", KINDS));
		}
		String event = (eventId != null) ? ObjectIds.require(eventId, "eventId") : user.eventId();
		if (event != null && !user.canReachEvent(event)) {
			throw ApiException.forbidden("You cannot see favourites of this event");
		}
		return this.favorites.search(new FavoriteSearch(user.userId(), event, kind), MAX_PER_USER)
			.concatMap((favorite) -> {
				if (!Favorite.EXPORT_CONFIG.equals(favorite.kind())) {
					return Mono.just(favorite);
				}
				return this.configs.get(user, favorite.targetId())
					.thenReturn(favorite)
					.onErrorResume(ApiException.class, (ex) -> Mono.empty());
			})
			.collectList();
	}

	/**
	 * Marks a favourite; marking the same config or template again returns the existing
	 * one.
	 * @return the favourite and whether it is new
	 */
	Mono<Marked> add(AtlasPrincipal user, FavoriteRequest request) {
		return Mono.fromCallable(() -> checked(user, request))
			.flatMap((favorite) -> named(user, favorite))
			.flatMap((favorite) -> {
				Mono<Favorite> same = this.favorites.findByUserIdAndUniqueKey(favorite.userId(), favorite.uniqueKey());
				return same.map((existing) -> new Marked(existing, false))
					.switchIfEmpty(
							Mono.defer(() -> this.favorites.insert(favorite).map((saved) -> new Marked(saved, true))))
					.onErrorResume(DuplicateKeyException.class,
							(ex) -> same.map((existing) -> new Marked(existing, false)));
			});
	}

	Mono<Void> delete(AtlasPrincipal user, String id) {
		ObjectIds.require(id, "id");
		return this.favorites.removeOwned(id, user.userId())
			.flatMap((removed) -> (removed == 0) ? Mono.error(ApiException.notFound("Favourite not found"))
					: Mono.empty());
	}

	private Favorite checked(AtlasPrincipal user, FavoriteRequest request) {
		if (request.kind() == null || !KINDS.contains(request.kind())) {
			throw ApiException.badRequest("kind must be one of " + String.join(", ", KINDS));
		}
		String eventId = (request.eventId() != null) ? ObjectIds.require(request.eventId(), "eventId") : user.eventId();
		if (eventId != null && !user.canReachEvent(eventId)) {
			throw ApiException.forbidden("You cannot mark favourites of this event");
		}
		String id = new ObjectId().toHexString();
		String name = (request.name() != null && !request.name().isBlank()) ? request.name().trim() : null;
		if (Favorite.BUILDER.equals(request.kind())) {
			if (request.definition() == null || !request.definition().isObject()) {
				throw ApiException.badRequest("A builder favourite needs definition: the report builder request");
			}
			if (name == null) {
				throw ApiException.badRequest("A builder favourite needs a name");
			}
			Map<String, Object> definition = this.requests.storable(request.definition());
			return new Favorite(id, user.userId(), request.kind(), null, eventId, name, definition,
					Favorite.BUILDER + ":" + id, this.clock.instant());
		}
		if (request.targetId() == null || request.targetId().isBlank()) {
			throw ApiException.badRequest("targetId is required: the export config id or template id");
		}
		if (Favorite.TEMPLATE.equals(request.kind()) && ReportTemplate.find(request.targetId()) == null) {
			throw ApiException.badRequest("Unknown report template '" + request.targetId() + "'; valid templates: "
					+ String.join(", ", ReportTemplate.ids()));
		}
		if (Favorite.EXPORT_CONFIG.equals(request.kind())) {
			ObjectIds.require(request.targetId(), "targetId");
		}
		return new Favorite(id, user.userId(), request.kind(), request.targetId(), eventId, name, null,
				request.kind() + ":" + request.targetId() + ":" + eventId, this.clock.instant());
	}

	/**
	 * Fills in the name from the config (which the user must see; 404 otherwise) or
	 * template.
	 */
	private Mono<Favorite> named(AtlasPrincipal user, Favorite favorite) {
		if (Favorite.TEMPLATE.equals(favorite.kind())) {
			return Mono.just((favorite.name() != null) ? favorite
					: withName(favorite, ReportTemplate.find(favorite.targetId()).name()));
		}
		if (Favorite.EXPORT_CONFIG.equals(favorite.kind())) {
			return this.configs.get(user, favorite.targetId())
				.map((config) -> (favorite.name() != null) ? favorite : withName(favorite, config.name()));
		}
		return Mono.just(favorite);
	}

	private static Favorite withName(Favorite favorite, String name) {
		return new Favorite(favorite.id(), favorite.userId(), favorite.kind(), favorite.targetId(), favorite.eventId(),
				name, favorite.definition(), favorite.uniqueKey(), favorite.createdAt());
	}

	/**
	 * A marked favourite.
	 *
	 * @param favorite the favourite
	 * @param created whether this call created it
	 */
	record Marked(Favorite favorite, boolean created) {
	}

}
