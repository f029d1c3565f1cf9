package com.onsiteatlas.reporting.conference;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.security.AtlasPrincipal;
import com.onsiteatlas.support.security.StaffOnly;
import com.onsiteatlas.support.web.ApiResponse;
import com.onsiteatlas.support.web.Paging;

/**
 * The conferences this service knows, under {@code /api/reports/**} where the gateway
 * routes to this service.
 */
@RestController
@RequestMapping("/api/reports/conferences")
@StaffOnly
class ConferenceController {

	private final ConferenceService conferences;

	ConferenceController(ConferenceService conferences) {
		this.conferences = conferences;
	}

	@GetMapping
	Mono<ApiResponse<List<ConferenceSummary>>> list(@AuthenticationPrincipal AtlasPrincipal user,
			@RequestParam(required = false) String search, @Paging(sortable = { "startDate", "endDate", "name" },
					defaultSort = "startDate:desc,_id:asc") PageQuery page) {
		return this.conferences.list(user, search, page).map((paged) -> ApiResponse.page("Conferences", paged));
	}

	@GetMapping("/{eventId}")
	Mono<ApiResponse<ConferenceSummary>> conference(@AuthenticationPrincipal AtlasPrincipal user,
			@PathVariable String eventId) {
		return Mono.defer(() -> this.conferences.conference(user, eventId)).map(ApiResponse::ok);
	}

}
