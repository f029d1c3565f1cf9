package com.onsiteatlas.reporting.conference;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.onsiteatlas.support.paging.MongoPaging;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;
import com.onsiteatlas.readmodel.ConferenceView;
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

	private final ReactiveMongoTemplate mongo;

	ConferenceService(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	Mono<Paged<ConferenceSummary>> list(AtlasPrincipal user, String search, PageQuery page) {
		List<Criteria> all = new ArrayList<>();
		all.add(Criteria.where("deleted").ne(true));
		if (user.eventId() != null) {
			all.add(Criteria.where("_id").is(user.eventId()));
		}
		if (search != null && !search.isBlank()) {
			all.add(Criteria.where("name").regex(Pattern.quote(search.trim()), "i"));
		}
		Query query = Query.query(new Criteria().andOperator(all));
		return MongoPaging.find(this.mongo, query, ConferenceView.class, page)
			.map((paged) -> paged.map(ConferenceSummary::of));
	}

	Mono<ConferenceSummary> conference(AtlasPrincipal user, String eventId) {
		String id = ObjectIds.require(eventId, "eventId");
		if (!user.canReachEvent(id)) {
			return Mono.error(notFound(id));
		}
		return this.mongo.findById(id, ConferenceView.class)
			.filter((view) -> !view.deleted())
			.map(ConferenceSummary::of)
			.switchIfEmpty(Mono.error(() -> notFound(id)));
	}

	private static ApiException notFound(String id) {
		return ApiException
			.notFound("Conference '" + id + "' not found (not yet received from ONSITE ATLAS, or deleted)");
	}

}
