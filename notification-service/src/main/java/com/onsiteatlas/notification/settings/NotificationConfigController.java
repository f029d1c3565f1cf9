package com.onsiteatlas.notification.settings;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.notification.channel.ConnectionCheck;
import com.onsiteatlas.support.security.AtlasPrincipal;
import com.onsiteatlas.support.security.OrganisersOnly;
import com.onsiteatlas.support.security.StaffOnly;
import com.onsiteatlas.support.web.ApiResponse;

@RestController
class NotificationConfigController {

	private final NotificationConfigService configs;

	NotificationConfigController(NotificationConfigService configs) {
		this.configs = configs;
	}

	@GetMapping("/api/events/{eventId}/notification-config")
	@StaffOnly
	Mono<ApiResponse<NotificationConfig>> get(@PathVariable String eventId) {
		return this.configs.view(eventId).map(ApiResponse::ok);
	}

	@PutMapping("/api/events/{eventId}/notification-config")
	@OrganisersOnly
	Mono<ApiResponse<NotificationConfig>> update(@PathVariable String eventId,
			@Valid @RequestBody ConfigRequest request, @AuthenticationPrincipal AtlasPrincipal principal) {
		return this.configs.update(eventId, request, principal.userId())
			.map((config) -> ApiResponse.ok("Notification configuration updated", config));
	}

	@PostMapping("/api/events/{eventId}/notification-config/test-connection")
	@OrganisersOnly
	Mono<ApiResponse<List<ConnectionCheck>>> testConnection(@PathVariable String eventId,
			@Valid @RequestBody(required = false) TestConnectionRequest request) {
		return this.configs.testConnection(eventId, (request != null) ? request.channel() : null).map((checks) -> {
			boolean ok = checks.stream().allMatch(ConnectionCheck::success);
			return new ApiResponse<>(ok, ok ? "Connection successful" : "Connection test failed", checks, null);
		});
	}

	@GetMapping("/api/events/{eventId}/whatsapp-config")
	@StaffOnly
	Mono<ApiResponse<Map<String, Object>>> whatsapp(@PathVariable String eventId) {
		return this.configs.view(eventId)
			.map((config) -> ApiResponse.ok(Map.of("config", LegacyChannelConfig.whatsappOf(config))));
	}

	@PostMapping("/api/events/{eventId}/whatsapp-config")
	@OrganisersOnly
	Mono<ApiResponse<Map<String, Object>>> saveWhatsapp(@PathVariable String eventId,
			@Valid @RequestBody LegacyChannelConfig.WhatsApp request,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		return this.configs.updateWhatsApp(eventId, request, principal.userId())
			.map((config) -> ApiResponse.ok("WhatsApp configuration saved",
					Map.of("config", LegacyChannelConfig.whatsappOf(config))));
	}

	@PutMapping("/api/events/{eventId}/whatsapp-config")
	@OrganisersOnly
	Mono<ApiResponse<Map<String, Object>>> replaceWhatsapp(@PathVariable String eventId,
			@Valid @RequestBody LegacyChannelConfig.WhatsApp request,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		return saveWhatsapp(eventId, request, principal);
	}

	@GetMapping("/api/events/{eventId}/sms-config")
	@StaffOnly
	Mono<ApiResponse<Map<String, Object>>> sms(@PathVariable String eventId) {
		return this.configs.view(eventId)
			.map((config) -> ApiResponse.ok(Map.of("config", LegacyChannelConfig.smsOf(config))));
	}

	@PostMapping("/api/events/{eventId}/sms-config")
	@OrganisersOnly
	Mono<ApiResponse<Map<String, Object>>> saveSms(@PathVariable String eventId,
			@Valid @RequestBody LegacyChannelConfig.Sms request, @AuthenticationPrincipal AtlasPrincipal principal) {
		return this.configs.updateSms(eventId, request, principal.userId())
			.map((config) -> ApiResponse.ok("SMS configuration saved",
					Map.of("config", LegacyChannelConfig.smsOf(config))));
	}

	@PutMapping("/api/events/{eventId}/sms-config")
	@OrganisersOnly
	Mono<ApiResponse<Map<String, Object>>> replaceSms(@PathVariable String eventId,
			@Valid @RequestBody LegacyChannelConfig.Sms request, @AuthenticationPrincipal AtlasPrincipal principal) {
		return saveSms(eventId, request, principal);
	}

	/**
	 * Body of a connection test.
	 *
	 * @param channel email, sms or whatsapp; all enabled ones when absent
	 */
	record TestConnectionRequest(
			@Pattern(regexp = "email|sms|whatsapp", message = "must be one of email, sms, whatsapp") String channel) {
	}

}
