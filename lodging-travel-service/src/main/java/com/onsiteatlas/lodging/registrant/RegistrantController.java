package com.onsiteatlas.lodging.registrant;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.support.security.AtlasPrincipal;
import com.onsiteatlas.support.security.RegistrantOnly;
import com.onsiteatlas.support.security.StaffOnly;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ApiResponse;

/**
 * Registrations of an event as lodging knows them: a search for the organisers' booking
 * and travel forms, and the registrant's own registration with the conference's timezone
 * for its own pages. Read-only.
 */
@RestController
@RequestMapping("/api/events/{eventId}/registrants")
class RegistrantController {

	private final RegistrantSearch search;

	private final Registrants registrants;

	RegistrantController(RegistrantSearch search, Registrants registrants) {
		this.search = search;
		this.registrants = registrants;
	}

	@GetMapping
	@StaffOnly
	Mono<ApiResponse<List<Registrant>>> search(@PathVariable String eventId,
			@AuthenticationPrincipal AtlasPrincipal principal, @RequestParam(required = false) String search,
			@RequestParam(required = false) String limit) {
		if (!principal.canReachEvent(eventId)) {
			throw ApiException.notFound("Not found");
		}
		if (search != null && (search.length() > RegistrantSearch.MAX_SEARCH_LENGTH
				|| RegistrantSearch.words(search).size() > RegistrantSearch.MAX_WORDS)) {
			throw ApiException.badRequest("'search' must be at most " + RegistrantSearch.MAX_SEARCH_LENGTH
					+ " characters and " + RegistrantSearch.MAX_WORDS + " words");
		}
		return this.search.find(eventId, search, limit(limit)).collectList().map(ApiResponse::ok);
	}

	@GetMapping("/me")
	@RegistrantOnly
	Mono<ApiResponse<OwnRegistration>> me(@PathVariable String eventId,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		Viewer viewer = this.registrants.viewer(principal, eventId);
		Mono<OwnRegistration.Conference> conference = this.registrants.conferenceView(eventId)
			.map(OwnRegistration.Conference::of)
			.defaultIfEmpty(OwnRegistration.Conference.unknown(eventId));
		return conference
			.flatMap((known) -> this.registrants.find(eventId, viewer.registrationId())
				.map((view) -> new OwnRegistration(Registrant.from(view), known))
				.defaultIfEmpty(new OwnRegistration(null, known)))
			.map(ApiResponse::ok);
	}

	private static int limit(String value) {
		if (value == null || value.isBlank()) {
			return RegistrantSearch.DEFAULT_LIMIT;
		}
		int limit;
		try {
			limit = Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			limit = -1;
		}
		if (limit < 1 || limit > RegistrantSearch.MAX_LIMIT) {
			throw ApiException.badRequest("'limit' must be a number from 1 to " + RegistrantSearch.MAX_LIMIT);
		}
		return limit;
	}

}
