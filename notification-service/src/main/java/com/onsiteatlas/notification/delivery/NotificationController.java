package com.onsiteatlas.notification.delivery;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.security.OrganisersOnly;
import com.onsiteatlas.support.security.StaffOnly;
import com.onsiteatlas.support.web.ApiResponse;
import com.onsiteatlas.support.web.Paging;

@RestController
@RequestMapping("/api/events/{eventId}/notifications")
class NotificationController {

	private final NotificationQueries notifications;

	private final NotificationStatusChanges changes;

	private final BulkSends bulkSends;

	NotificationController(NotificationQueries notifications, NotificationStatusChanges changes, BulkSends bulkSends) {
		this.notifications = notifications;
		this.changes = changes;
		this.bulkSends = bulkSends;
	}

	@GetMapping
	@StaffOnly
	Mono<ApiResponse<List<Notification>>> list(@PathVariable String eventId,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String status,
			@RequestParam(required = false) String trigger, @RequestParam(required = false) String template,
			@RequestParam(required = false) String registration, @RequestParam(required = false) String dateFrom,
			@RequestParam(required = false) String dateTo, @RequestParam(required = false) String search,
			@RequestParam(required = false) String batch,
			@Paging(sortable = { "createdAt", "sentAt", "status", "channel" },
					defaultSort = "createdAt:desc") PageQuery page) {
		NotificationFilter filter = NotificationFilter.of(channel, status, trigger, template, registration, dateFrom,
				dateTo, search, batch);
		return this.notifications.list(eventId, filter, page).map((paged) -> ApiResponse.page("Notifications", paged));
	}

	@GetMapping("/registration/{registrationId}")
	@StaffOnly
	Mono<ApiResponse<List<Notification>>> forRegistration(@PathVariable String eventId,
			@PathVariable String registrationId, @Paging(sortable = { "createdAt", "sentAt", "status", "channel" },
					defaultSort = "createdAt:desc") PageQuery page) {
		NotificationFilter filter = NotificationFilter.ofRegistration(registrationId);
		return this.notifications.list(eventId, filter, page).map((paged) -> ApiResponse.page("Notifications", paged));
	}

	@GetMapping("/{id}")
	@StaffOnly
	Mono<ApiResponse<Notification>> get(@PathVariable String eventId, @PathVariable String id) {
		return this.notifications.get(eventId, id).map(ApiResponse::ok);
	}

	@PostMapping("/send")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@OrganisersOnly
	Mono<ApiResponse<Map<String, Object>>> send(@PathVariable String eventId,
			@Valid @RequestBody SendNotificationRequest request) {
		return this.bulkSends.send(eventId, request).map((sent) -> {
			BulkSends.Answer answer = sent.answer();
			return ApiResponse.ok(
					answer.queued() + (answer.recording() ? " notification(s) accepted, still being recorded"
							: " notification(s) queued"),
					Map.<String, Object>of("queued", answer.queued(), "duplicates", answer.duplicates(), "skipped",
							answer.skipped(), "batchId", sent.batchId(), "recording", answer.recording()));
		});
	}

	@PostMapping("/resend/{id}")
	@OrganisersOnly
	Mono<ApiResponse<Notification>> resend(@PathVariable String eventId, @PathVariable String id) {
		return this.changes.resend(eventId, id)
			.map((notification) -> ApiResponse.ok("Notification queued for resending", notification));
	}

}
