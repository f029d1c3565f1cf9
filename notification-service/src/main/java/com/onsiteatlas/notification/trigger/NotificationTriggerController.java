package com.onsiteatlas.notification.trigger;

import java.util.List;
import java.util.Map;

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
import com.onsiteatlas.support.security.StaffOnly;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ApiResponse;
import com.onsiteatlas.support.web.Paging;

@RestController
@RequestMapping("/api/events/{eventId}/notification-triggers")
class NotificationTriggerController {

	private final TriggerService triggers;

	private final TriggerQueries queries;

	private final TriggerRuns runs;

	private final TriggerAudiences audiences;

	private final TriggerEventTypes eventTypes;

	NotificationTriggerController(TriggerService triggers, TriggerQueries queries, TriggerRuns runs,
			TriggerAudiences audiences, TriggerEventTypes eventTypes) {
		this.triggers = triggers;
		this.queries = queries;
		this.runs = runs;
		this.audiences = audiences;
		this.eventTypes = eventTypes;
	}

	@GetMapping("/event-types")
	@StaffOnly
	Mono<ApiResponse<List<TriggerEventTypes.EventTypeFields>>> eventTypes(@PathVariable String eventId) {
		return Mono.just(ApiResponse.ok(this.eventTypes.all()));
	}

	@GetMapping
	@StaffOnly
	Mono<ApiResponse<List<NotificationTrigger>>> list(@PathVariable String eventId,
			@RequestParam(required = false) String triggerType, @RequestParam(required = false) String eventType,
			@RequestParam(required = false) String isActive, @RequestParam(required = false) String search,
			@Paging(sortable = { "name", "createdAt", "updatedAt", "nextRunAt" },
					defaultSort = "createdAt:desc") PageQuery page) {
		TriggerFilter filter = TriggerFilter.of(triggerType, eventType, isActive, search);
		return this.queries.list(eventId, filter, page)
			.map((paged) -> ApiResponse.page("Notification triggers", paged));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@OrganisersOnly
	Mono<ApiResponse<NotificationTrigger>> create(@PathVariable String eventId,
			@Valid @RequestBody TriggerRequest request, @AuthenticationPrincipal AtlasPrincipal principal) {
		return this.triggers.create(eventId, request, principal.userId())
			.map((trigger) -> ApiResponse.ok("Notification trigger created", trigger));
	}

	@GetMapping("/{id}")
	@StaffOnly
	Mono<ApiResponse<NotificationTrigger>> get(@PathVariable String eventId, @PathVariable String id) {
		return this.queries.get(eventId, id).map(ApiResponse::ok);
	}

	@PutMapping("/{id}")
	@OrganisersOnly
	Mono<ApiResponse<NotificationTrigger>> update(@PathVariable String eventId, @PathVariable String id,
			@Valid @RequestBody TriggerRequest request) {
		return this.triggers.update(eventId, id, request)
			.map((trigger) -> ApiResponse.ok("Notification trigger updated", trigger));
	}

	@DeleteMapping("/{id}")
	@OrganisersOnly
	Mono<ApiResponse<Void>> delete(@PathVariable String eventId, @PathVariable String id) {
		return this.triggers.delete(eventId, id).then(Mono.just(ApiResponse.ok("Notification trigger deleted", null)));
	}

	@PostMapping(path = "/{id}/manual-trigger", params = "dryRun=true")
	@OrganisersOnly
	Mono<ApiResponse<TriggerAudiences.Audience>> audience(@PathVariable String eventId, @PathVariable String id,
			@Valid @RequestBody(required = false) ManualTriggerRequest request) {
		ManualTriggerRequest effective = (request != null) ? request : new ManualTriggerRequest(null, null, null);
		return this.audiences.audience(eventId, id, effective)
			.map((audience) -> ApiResponse.ok(audience.notifications() + " notification(s) to "
					+ audience.registrations() + " registration(s); nothing was sent", audience));
	}

	@PostMapping("/{id}/manual-trigger")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@OrganisersOnly
	Mono<ApiResponse<Map<String, Object>>> manual(@PathVariable String eventId, @PathVariable String id,
			@RequestParam(required = false) String dryRun,
			@Valid @RequestBody(required = false) ManualTriggerRequest request) {
		// Only dryRun=true is the dry run; any other value must not send for real.
		if (dryRun != null && !"false".equals(dryRun)) {
			throw ApiException.badRequest("'dryRun' must be true or false");
		}
		ManualTriggerRequest effective = (request != null) ? request : new ManualTriggerRequest(null, null, null);
		return this.runs.manual(eventId, id, effective)
			.map((send) -> ApiResponse.ok(send.result().queued() + " notification(s) queued",
					Map.<String, Object>of("queued", send.result().queued(), "duplicates", send.result().duplicates(),
							"skipped", send.result().skipped(), "batchId", send.batchId())));
	}

}
