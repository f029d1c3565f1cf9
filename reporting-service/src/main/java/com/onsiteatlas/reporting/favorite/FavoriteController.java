package com.onsiteatlas.reporting.favorite;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.support.security.AtlasPrincipal;
import com.onsiteatlas.support.security.StaffOnly;
import com.onsiteatlas.support.web.ApiResponse;

/**
 * The caller's favourites, under {@code /api/reports/**} where the gateway routes to this
 * service.
 */
@RestController
@RequestMapping("/api/reports/favorites")
@StaffOnly
class FavoriteController {

	private final FavoriteService favorites;

	FavoriteController(FavoriteService favorites) {
		this.favorites = favorites;
	}

	@GetMapping
	Mono<ApiResponse<List<Favorite>>> list(@AuthenticationPrincipal AtlasPrincipal user,
			@RequestParam(required = false) String eventId, @RequestParam(required = false) String kind) {
		return Mono.defer(() -> this.favorites.list(user, eventId, kind)).map(ApiResponse::ok);
	}

	/** 201 when marked now, 200 with the existing favourite when it already was. */
	@PostMapping
	Mono<ResponseEntity<ApiResponse<Favorite>>> add(@AuthenticationPrincipal AtlasPrincipal user,
			@RequestBody FavoriteRequest request) {
		return this.favorites.add(user, request)
			.map((marked) -> ResponseEntity.status(marked.created() ? HttpStatus.CREATED : HttpStatus.OK)
				.body(ApiResponse.ok(marked.created() ? "Favourite added" : "Already a favourite", marked.favorite())));
	}

	@DeleteMapping("/{id}")
	Mono<ApiResponse<Void>> delete(@AuthenticationPrincipal AtlasPrincipal user, @PathVariable String id) {
		return this.favorites.delete(user, id).then(Mono.fromSupplier(() -> ApiResponse.ok("Favourite removed", null)));
	}

}
