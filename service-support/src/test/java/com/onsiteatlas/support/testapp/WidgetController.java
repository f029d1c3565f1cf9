package com.onsiteatlas.support.testapp;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.sponsor.SponsorCreated;
import com.onsiteatlas.domainevents.sponsor.SponsorSnapshot;
import com.onsiteatlas.support.messaging.Outbox;
import com.onsiteatlas.support.paging.MongoPaging;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.security.AtlasPrincipal;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ApiResponse;
import com.onsiteatlas.support.web.ObjectIds;
import com.onsiteatlas.support.web.Paging;

@RestController
class WidgetController {

	private final ReactiveMongoTemplate mongo;

	private final Outbox outbox;

	WidgetController(ReactiveMongoTemplate mongo, Outbox outbox) {
		this.mongo = mongo;
		this.outbox = outbox;
	}

	@GetMapping("/api/events/{eventId}/widgets")
	Mono<ApiResponse<List<Widget>>> list(@PathVariable String eventId,
			@Paging(sortable = { "name", "quantity", "createdAt" }, defaultSort = "name") PageQuery page) {
		return MongoPaging.find(this.mongo, Query.query(Criteria.where("eventId").is(eventId)), Widget.class, page)
			.map((paged) -> ApiResponse.page(null, paged));
	}

	@GetMapping("/api/events/{eventId}/widgets/{id}")
	Mono<ApiResponse<Widget>> get(@PathVariable String eventId, @PathVariable String id) {
		ObjectIds.require(id, "widget id");
		return this.mongo.findById(id, Widget.class)
			.filter((widget) -> widget.eventId().equals(eventId))
			.switchIfEmpty(Mono.error(ApiException.notFound("Widget not found")))
			.map(ApiResponse::ok);
	}

	@PostMapping("/api/events/{eventId}/widgets")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('admin','manager')")
	Mono<ApiResponse<Widget>> create(@PathVariable String eventId, @Valid @RequestBody CreateWidget request,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		String id = new ObjectId().toHexString();
		Instant now = Instant.now();
		SponsorCreated event = new SponsorCreated(
				new ConferenceRef(eventId, "Widget Conference", null, null, null, null),
				new SponsorSnapshot(id, "SPN-W-001", request.name(), null, null, null, null, null, null, "Active"), now,
				principal.userId());
		return this.outbox.entry(event, eventId)
			.flatMap((message) -> this.mongo
				.insert(new Widget(id, eventId, request.name(), request.quantity(), now, List.of(message))))
			.doOnSuccess((saved) -> this.outbox.nudge())
			.map((saved) -> ApiResponse.ok("Widget created", saved));
	}

	@GetMapping("/api/whoami")
	Mono<AtlasPrincipal> whoami(@AuthenticationPrincipal AtlasPrincipal principal) {
		return Mono.just(principal);
	}

}
