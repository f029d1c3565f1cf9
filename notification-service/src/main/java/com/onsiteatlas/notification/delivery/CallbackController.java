package com.onsiteatlas.notification.delivery;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import com.onsiteatlas.notification.config.NotificationProperties;
import com.onsiteatlas.support.web.ApiResponse;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * Public provider callbacks (no identity token; each is verified by the provider's own
 * signature) and the one-click unsubscribe endpoint.
 */
@RestController
class CallbackController {

	private static final String INVALID_LINK = "This unsubscribe link is not valid";

	private final ProviderCallbacks callbacks;

	private final OptOuts optOuts;

	private final String baseUrl;

	CallbackController(ProviderCallbacks callbacks, OptOuts optOuts, NotificationProperties properties) {
		this.callbacks = callbacks;
		this.optOuts = optOuts;
		this.baseUrl = properties.publicBaseUrl();
	}

	@PostMapping(path = "/api/notifications/webhooks/twilio/{notificationId}",
			consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	Mono<ResponseEntity<Void>> twilio(@PathVariable String notificationId,
			@RequestHeader(name = "X-Twilio-Signature", required = false) String signature,
			ServerWebExchange exchange) {
		ObjectIds.require(notificationId, "notificationId");
		String url = this.baseUrl + exchange.getRequest().getURI().getRawPath();
		return exchange.getFormData()
			.flatMap((form) -> this.callbacks.twilioStatus(notificationId, url, form.toSingleValueMap(), signature))
			.thenReturn(ResponseEntity.noContent().build());
	}

	@GetMapping("/api/notifications/webhooks/whatsapp/{eventId}")
	Mono<ResponseEntity<String>> whatsappVerify(@PathVariable String eventId,
			@RequestParam(name = "hub.mode", required = false) String mode,
			@RequestParam(name = "hub.verify_token", required = false) String token,
			@RequestParam(name = "hub.challenge", required = false) String challenge) {
		ObjectIds.require(eventId, "eventId");
		// Meta compares the body with its challenge: plain text, whatever the request
		// accepts.
		return this.callbacks.whatsappVerify(eventId, mode, token, challenge)
			.map((body) -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(body));
	}

	@PostMapping("/api/notifications/webhooks/whatsapp/{eventId}")
	Mono<ResponseEntity<Void>> whatsapp(@PathVariable String eventId,
			@RequestHeader(name = "X-Hub-Signature-256", required = false) String signature, @RequestBody String body) {
		ObjectIds.require(eventId, "eventId");
		return this.callbacks.whatsappEvent(eventId, body, signature).thenReturn(ResponseEntity.ok().build());
	}

	/**
	 * The confirmation page of an unsubscribe link; a forged link is refused here already
	 * (403, as its POST would be) instead of offering a button that cannot work.
	 */
	@GetMapping("/api/notifications/unsubscribe/{token}")
	Mono<ResponseEntity<Object>> unsubscribePage(@PathVariable String token) {
		if (!this.optOuts.isValid(token)) {
			return Mono.just(ResponseEntity.status(403)
				.contentType(MediaType.APPLICATION_JSON)
				.body(new ApiResponse<>(false, INVALID_LINK, null, null)));
		}
		String safe = token.replaceAll("[^A-Za-z0-9._-]", "");
		return Mono.just(ResponseEntity.ok()
			.contentType(MediaType.TEXT_HTML)
			.body("<!doctype html><html><body><form method=\"post\" action=\"/api/notifications/unsubscribe/" + safe
					+ "\"><p>Stop receiving these messages?</p>"
					+ "<button type=\"submit\" name=\"List-Unsubscribe\" value=\"One-Click\">Unsubscribe</button>"
					+ "</form></body></html>"));
	}

	@PostMapping("/api/notifications/unsubscribe/{token}")
	Mono<ResponseEntity<ApiResponse<Map<String, Object>>>> unsubscribe(@PathVariable String token) {
		return this.optOuts.optOut(token)
			.map((address) -> ResponseEntity
				.ok(ApiResponse.ok("You are unsubscribed", Map.<String, Object>of("address", address))))
			.defaultIfEmpty(ResponseEntity.status(403).body(new ApiResponse<>(false, INVALID_LINK, null, null)));
	}

}
