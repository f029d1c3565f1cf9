package com.onsiteatlas.lodging.hotel;

import java.util.List;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.security.AtlasPrincipal;
import com.onsiteatlas.support.security.OrganisersOnly;
import com.onsiteatlas.support.security.StaffOrRegistrant;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ApiResponse;
import com.onsiteatlas.support.web.Paging;

/**
 * Hotels of an event: everyone who reaches the service may read them (a registrant needs
 * them to request a room); admin and manager write.
 */
@RestController
@RequestMapping("/api/events/{eventId}/hotels")
class HotelController {

	private final HotelService hotels;

	HotelController(HotelService hotels) {
		this.hotels = hotels;
	}

	@GetMapping
	@StaffOrRegistrant
	Mono<ApiResponse<List<Hotel>>> list(@PathVariable String eventId,
			@Paging(sortable = { "name", "createdAt", "updatedAt", "isOfficial" },
					defaultSort = "name:asc") PageQuery page,
			@RequestParam(required = false) String search, @RequestParam(required = false) String isOfficial,
			@RequestParam(required = false) String city, @AuthenticationPrincipal AtlasPrincipal principal) {
		requireReachable(principal, eventId);
		return this.hotels.list(eventId, page, search, bool(isOfficial, "isOfficial"), city)
			.map((paged) -> ApiResponse.page("Hotels retrieved", paged));
	}

	@GetMapping("/{id}")
	@StaffOrRegistrant
	Mono<ApiResponse<Hotel>> get(@PathVariable String eventId, @PathVariable String id,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		requireReachable(principal, eventId);
		return this.hotels.get(eventId, id).map(ApiResponse::ok);
	}

	/**
	 * A registrant of another conference sees nothing of this one (404, as on every other
	 * lodging route), not even its hotels.
	 */
	private static void requireReachable(AtlasPrincipal principal, String eventId) {
		if (principal.isRegistrant() && !principal.canReachEvent(eventId)) {
			throw ApiException.notFound("Not found");
		}
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@OrganisersOnly
	Mono<ApiResponse<Hotel>> create(@PathVariable String eventId, @Valid @RequestBody HotelRequest request,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		return this.hotels.create(eventId, request, principal.userId())
			.map((hotel) -> ApiResponse.ok("Hotel created", hotel));
	}

	@PutMapping("/{id}")
	@OrganisersOnly
	Mono<ApiResponse<Hotel>> update(@PathVariable String eventId, @PathVariable String id,
			@Valid @RequestBody HotelRequest request) {
		return this.hotels.update(eventId, id, request).map((hotel) -> ApiResponse.ok("Hotel updated", hotel));
	}

	@DeleteMapping("/{id}")
	@OrganisersOnly
	Mono<ApiResponse<Hotel>> delete(@PathVariable String eventId, @PathVariable String id) {
		return this.hotels.delete(eventId, id).map((hotel) -> ApiResponse.ok("Hotel deleted", hotel));
	}

	static Boolean bool(String value, String name) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!value.equals("true") && !value.equals("false")) {
			throw ApiException.badRequest("'" + name + "' must be true or false");
		}
		return Boolean.valueOf(value);
	}

}
