package com.onsiteatlas.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.notification.template.NotificationTemplate;
import com.onsiteatlas.notification.template.TemplateService;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ApiResponse;
import com.onsiteatlas.support.web.ObjectIds;

@RestController
@RequestMapping("/api/events/{eventId}/notifications")
class NotificationController {

	private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "sentAt", "sentAt", "status",
			"status", "channel", "channel");

	private final NotificationService notifications;

	private final TemplateService templates;

	private final Recipients recipients;

	private final BulkSends bulkSends;

	private final Duration answerWithin;

	/**
	 * @param answerWithin how long {@code send} waits for the exact counts; well below
	 * the gateway's 15 s route timeout
	 */
	NotificationController(NotificationService notifications, TemplateService templates, Recipients recipients,
			BulkSends bulkSends, @Value("${atlas.notification.send.answer-within:5s}") Duration answerWithin) {
		this.notifications = notifications;
		this.templates = templates;
		this.recipients = recipients;
		this.bulkSends = bulkSends;
		this.answerWithin = answerWithin;
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('admin','manager','staff')")
	Mono<ApiResponse<List<Notification>>> list(@PathVariable String eventId,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String status,
			@RequestParam(required = false) String trigger, @RequestParam(required = false) String template,
			@RequestParam(required = false) String registration, @RequestParam(required = false) String dateFrom,
			@RequestParam(required = false) String dateTo, @RequestParam(required = false) String search,
			@RequestParam(required = false) String batch, @RequestParam(required = false) String page,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String sortBy) {
		PageQuery query = PageQuery.parse(page, limit, sortBy, SORTABLE, Sort.by(Sort.Direction.DESC, "createdAt"));
		if (channel != null && !List.of("email", "sms", "whatsapp").contains(channel)) {
			throw ApiException.badRequest("'channel' must be one of email, sms, whatsapp");
		}
		NotificationFilter filter = new NotificationFilter(channel, status(status), optionalId(trigger, "trigger"),
				optionalId(template, "template"), optionalId(registration, "registration"),
				instant(dateFrom, "dateFrom"), instant(dateTo, "dateTo"), search, SendProgress.batch(batch));
		return this.notifications.list(eventId, filter, query).map((paged) -> paged.toResponse("Notifications"));
	}

	@GetMapping("/registration/{registrationId}")
	@PreAuthorize("hasAnyRole('admin','manager','staff')")
	Mono<ApiResponse<List<Notification>>> forRegistration(@PathVariable String eventId,
			@PathVariable String registrationId, @RequestParam(required = false) String page,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String sortBy) {
		ObjectIds.require(registrationId, "registrationId");
		PageQuery query = PageQuery.parse(page, limit, sortBy, SORTABLE, Sort.by(Sort.Direction.DESC, "createdAt"));
		NotificationFilter filter = new NotificationFilter(null, null, null, null, registrationId, null, null, null,
				null);
		return this.notifications.list(eventId, filter, query).map((paged) -> paged.toResponse("Notifications"));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('admin','manager','staff')")
	Mono<ApiResponse<Notification>> get(@PathVariable String eventId, @PathVariable String id) {
		return this.notifications.get(eventId, id).map(ApiResponse::ok);
	}

	@PostMapping("/send")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize("hasAnyRole('admin','manager')")
	Mono<ApiResponse<Map<String, Object>>> send(@PathVariable String eventId,
			@Valid @RequestBody SendNotificationRequest request) {
		// Each template id with the body field that holds it, for the refusal message.
		List<Map.Entry<String, String>> templateIds = new ArrayList<>();
		if (request.templateId() != null) {
			templateIds.add(Map.entry(request.templateId(), "templateId"));
		}
		if (request.templateIds() != null) {
			request.templateIds().forEach((id) -> templateIds.add(Map.entry(id, "templateIds")));
		}
		if (templateIds.isEmpty()) {
			throw ApiException.badRequest("templateId is required");
		}
		boolean noAudience = (request.registrationIds() == null || request.registrationIds().isEmpty())
				&& request.filter() == null && (request.recipients() == null || request.recipients().isEmpty());
		if (noAudience) {
			// An empty body must not mean "everyone": a bulk send to all registrations
			// needs
			// an explicit (possibly empty) filter.
			throw ApiException
				.badRequest("Give registrationIds, a filter ({} for all active registrations) or recipients");
		}
		String batch = "send:" + UUID.randomUUID();
		Mono<List<NotificationTemplate>> chosen = Flux.fromIterable(templateIds)
			.concatMap((id) -> this.templates.require(eventId, id.getKey(), id.getValue()))
			.collectList();
		return chosen.flatMap((list) -> {
			Flux<SendRequest> requests;
			if (request.recipients() != null && !request.recipients().isEmpty()) {
				requests = Flux.fromIterable(request.recipients())
					.flatMapIterable((address) -> list.stream()
						.map((template) -> new SendRequest(eventId, null, null, null, template,
								(request.data() != null) ? request.data() : Map.of(),
								new Notification.Recipient(address.name(), address.email(), address.phone()), batch,
								"send"))
						.toList());
			}
			else {
				requests = this.recipients.conference(eventId)
					.flatMapMany((conference) -> this.recipients
						.registrations(eventId, request.registrationIds(), request.filter())
						.flatMapIterable((registration) -> list.stream()
							.map((template) -> this.recipients.request(registration, conference, template, null, batch,
									"send", request.data()))
							.toList()));
			}
			return requests.collectList();
		})
			.flatMap((requests) -> this.bulkSends.record(requests, batch, this.answerWithin))
			.map((answer) -> ApiResponse.ok(
					answer.queued() + (answer.recording() ? " notification(s) accepted, still being recorded"
							: " notification(s) queued"),
					Map.<String, Object>of("queued", answer.queued(), "duplicates", answer.duplicates(), "skipped",
							answer.skipped(), "batchId", batch, "recording", answer.recording())));
	}

	@PostMapping("/resend/{id}")
	@PreAuthorize("hasAnyRole('admin','manager')")
	Mono<ApiResponse<Notification>> resend(@PathVariable String eventId, @PathVariable String id) {
		return this.notifications.resend(eventId, id)
			.map((notification) -> ApiResponse.ok("Notification queued for resending", notification));
	}

	private static NotificationStatus status(String value) {
		if (value == null) {
			return null;
		}
		try {
			return NotificationStatus.of(value);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest("'status' must be one of " + NotificationStatus.list());
		}
	}

	private static String optionalId(String value, String name) {
		return (value == null || value.isBlank()) ? null : ObjectIds.require(value, name);
	}

	private static Instant instant(String value, String name) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			try {
				return java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
			}
			catch (DateTimeParseException again) {
				throw ApiException.badRequest("'" + name + "' must be an ISO-8601 date or date-time");
			}
		}
	}

}
