package com.onsiteatlas.reporting.conference;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
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

/**
 * The conferences this service knows, under {@code /api/reports/**} where the gateway
 * routes to this service.
 */
@RestController
@RequestMapping("/api/reports/conferences")
@StaffOnly
class ConferenceController {

	private static final Map<String, String> SORTABLE = Map.of("startDate", "startDate", "endDate", "endDate", "name",
			"name");

	private final ConferenceService conferences;

	ConferenceController(ConferenceService conferences) {
		this.conferences = conferences;
	}

	@GetMapping
	Mono<ApiResponse<List<ConferenceSummary>>> list(@AuthenticationPrincipal AtlasPrincipal user,
			@RequestParam(required = false) String search, @RequestParam(required = false) String page,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String sortBy) {
		return Mono.defer(() -> {
			PageQuery query = PageQuery.parse(page, limit, sortBy, SORTABLE,
					Sort.by(Sort.Order.desc("startDate"), Sort.Order.asc("_id")));
			return this.conferences.list(user, search, query).map((paged) -> paged.toResponse("Conferences"));
		});
	}

	@GetMapping("/{eventId}")
	Mono<ApiResponse<ConferenceSummary>> conference(@AuthenticationPrincipal AtlasPrincipal user,
			@PathVariable String eventId) {
		return Mono.defer(() -> this.conferences.conference(user, eventId)).map(ApiResponse::ok);
	}

}
