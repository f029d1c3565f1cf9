package com.onsiteatlas.lodging.hotel;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.support.paging.MongoPaging;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.web.ApiResponse;

@RestController
class HotelController {

	private final ReactiveMongoTemplate mongo;

	HotelController(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@GetMapping("/api/events/{eventId}/hotels")
	@PreAuthorize("hasAnyRole('admin','manager','staff','registrant')")
	Mono<ApiResponse<List<Hotel>>> list(@PathVariable(required = false) String eventId,
			@RequestParam(required = false) String page, @RequestParam(required = false) String limit,
			@RequestParam(required = false) String sortBy) {
		PageQuery query = PageQuery.parse(page, limit, sortBy, Map.of("name", "name", "createdAt", "createdAt"),
				Sort.by(Sort.Direction.DESC, "createdAt"));
		Query filter = (eventId != null) ? Query.query(Criteria.where("event").is(eventId)) : new Query();
		return MongoPaging.find(this.mongo, filter, Hotel.class, query).map((paged) -> paged.toResponse(null));
	}

}
