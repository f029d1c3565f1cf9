package com.onsiteatlas.notification.template;

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
import com.onsiteatlas.support.web.ApiResponse;
import com.onsiteatlas.support.web.Paging;

@RestController
@RequestMapping("/api/events/{eventId}/notification-templates")
class NotificationTemplateController {

	private final TemplateService templates;

	private final TemplatePreviews previews;

	private final SampleRegistrations samples;

	NotificationTemplateController(TemplateService templates, TemplatePreviews previews, SampleRegistrations samples) {
		this.templates = templates;
		this.previews = previews;
		this.samples = samples;
	}

	@GetMapping
	@StaffOnly
	Mono<ApiResponse<List<NotificationTemplate>>> list(@PathVariable String eventId,
			@RequestParam(required = false) String type, @RequestParam(required = false) String channel,
			@RequestParam(required = false) String isActive, @RequestParam(required = false) String search,
			@Paging(sortable = { "name", "type", "createdAt", "updatedAt" },
					defaultSort = "createdAt:desc") PageQuery page) {
		TemplateFilter filter = TemplateFilter.of(type, channel, isActive, search);
		return this.templates.list(eventId, filter, page)
			.map((paged) -> ApiResponse.page("Notification templates", paged));
	}

	@GetMapping("/variables")
	@StaffOnly
	Mono<ApiResponse<Map<String, List<TemplateVariables.Variable>>>> variables(@PathVariable String eventId,
			@RequestParam(required = false) String eventType) {
		return Mono.just(ApiResponse.ok(TemplateVariables.forEditor(eventType)));
	}

	@GetMapping("/sample-registrations")
	@StaffOnly
	Mono<ApiResponse<List<SampleRegistration>>> sampleRegistrations(@PathVariable String eventId,
			@RequestParam(required = false) String search, @RequestParam(required = false) String limit) {
		return this.samples.find(eventId, SampleSearch.of(search, limit)).collectList().map(ApiResponse::ok);
	}

	@PostMapping("/preview")
	@StaffOnly
	Mono<ApiResponse<TemplatePreview>> previewDraft(@PathVariable String eventId,
			@Valid @RequestBody DraftPreviewRequest request) {
		return this.previews.previewDraft(eventId, request).map(ApiResponse::ok);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@OrganisersOnly
	Mono<ApiResponse<NotificationTemplate>> create(@PathVariable String eventId,
			@Valid @RequestBody TemplateRequest request, @AuthenticationPrincipal AtlasPrincipal principal) {
		return this.templates.create(eventId, request, principal.userId())
			.map((template) -> ApiResponse.ok("Notification template created", template));
	}

	@GetMapping("/{id}")
	@StaffOnly
	Mono<ApiResponse<NotificationTemplate>> get(@PathVariable String eventId, @PathVariable String id) {
		return this.templates.get(eventId, id).map(ApiResponse::ok);
	}

	@PutMapping("/{id}")
	@OrganisersOnly
	Mono<ApiResponse<NotificationTemplate>> update(@PathVariable String eventId, @PathVariable String id,
			@Valid @RequestBody TemplateRequest request) {
		return this.templates.update(eventId, id, request)
			.map((template) -> ApiResponse.ok("Notification template updated", template));
	}

	@DeleteMapping("/{id}")
	@OrganisersOnly
	Mono<ApiResponse<Void>> delete(@PathVariable String eventId, @PathVariable String id) {
		return this.templates.delete(eventId, id)
			.then(Mono.just(ApiResponse.ok("Notification template deleted", null)));
	}

	@PostMapping("/{id}/preview")
	@StaffOnly
	Mono<ApiResponse<TemplatePreview>> preview(@PathVariable String eventId, @PathVariable String id,
			@Valid @RequestBody(required = false) PreviewRequest request) {
		return this.previews.preview(eventId, id, request).map(ApiResponse::ok);
	}

}
