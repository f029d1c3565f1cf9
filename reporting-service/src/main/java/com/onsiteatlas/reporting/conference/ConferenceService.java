package com.onsiteatlas.reporting.conference;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;
import com.onsiteatlas.support.security.AtlasPrincipal;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * Reads the conference projection (kept by service-support from event-created, -updated
 * and -deleted). Deleted conferences are not shown; a token bound to one conference sees
 * only that one.
 */
@Service
class ConferenceService {

	private final ConferenceViewRepository conferences;

	ConferenceService(ConferenceViewRepository conferences) {
		this.conferences = conferences;
	}

	Mono<Paged<ConferenceSummary>> list(AtlasPrincipal user, String search, PageQuery page) {
		return this.conferences.page(new ConferenceSearch(user.eventId(), search), page)
			.map((paged) -> paged.map(ConferenceSummary::of));
	}

	Mono<ConferenceSummary> conference(AtlasPrincipal user, String eventId) {
		String id = ObjectIds.require(eventId, "eventId");
		if (!user.canReachEvent(id)) {
			return Mono.error(notFound(id));
		}
		return this.conferences.findById(id)
			.filter((view) -> !view.deleted())
			.map(ConferenceSummary::of)
			.switchIfEmpty(Mono.error(() -> notFound(id)));
	}

	private static ApiException notFound(String id) {
		return ApiException
			.notFound("Conference '" + id + "' not found (not yet received from ONSITE ATLAS, or deleted)");
	}

}
