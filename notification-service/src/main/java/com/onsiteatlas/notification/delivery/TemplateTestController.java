package com.onsiteatlas.notification.delivery;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.notification.settings.NotificationConfigService;
import com.onsiteatlas.notification.template.TemplateService;
import com.onsiteatlas.notification.template.TemplateVariables;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ApiResponse;

/**
 * {@code POST notification-templates/{id}/test}: renders the template with sample data
 * (or the given data) and delivers it through the real channel to the given or the
 * configured test recipients. Lives with delivery because it is a send.
 */
@RestController
class TemplateTestController {

	private final TemplateService templates;

	private final NotificationConfigService configs;

	private final NotificationService notifications;

	TemplateTestController(TemplateService templates, NotificationConfigService configs,
			NotificationService notifications) {
		this.templates = templates;
		this.configs = configs;
		this.notifications = notifications;
	}

	@PostMapping("/api/events/{eventId}/notification-templates/{id}/test")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize("hasAnyRole('admin','manager')")
	Mono<ApiResponse<Map<String, Object>>> test(@PathVariable String eventId, @PathVariable String id,
			@Valid @RequestBody(required = false) TestRequest request) {
		return this.templates.get(eventId, id).zipWith(this.configs.stored(eventId)).flatMap((pair) -> {
			var template = pair.getT1();
			var configured = pair.getT2().testRecipients();
			String email = (request != null && request.email() != null) ? request.email()
					: (configured != null) ? configured.email() : null;
			String phone = (request != null && request.phone() != null) ? request.phone()
					: (configured != null) ? configured.phone() : null;
			String address = "email".equals(template.type()) ? email : phone;
			if (address == null) {
				return Mono.error(ApiException
					.badRequest("No test recipient: give " + ("email".equals(template.type()) ? "'email'" : "'phone'")
							+ " or configure testRecipients in notification-config"));
			}
			Map<String, Object> model = TemplateVariables.sample(null);
			if (request != null && request.data() != null) {
				model.putAll(request.data());
			}
			String key = "test:" + UUID.randomUUID();
			SendRequest send = new SendRequest(eventId, null, null, null, template, model,
					new Notification.Recipient("Test recipient", email, phone), key, "test");
			return this.notifications.enqueue(Flux.just(send))
				.map((result) -> ApiResponse.ok("Test message queued to " + address,
						Map.<String, Object>of("queued", result.queued(), "recipient", address, "batchId", key)));
		});
	}

	/**
	 * Body of a test send.
	 *
	 * @param email test e-mail address
	 * @param phone test phone
	 * @param data template variables over the samples
	 */
	record TestRequest(@Email @Size(max = 320) String email, @Size(max = 32) String phone, Map<String, Object> data) {
	}

}
