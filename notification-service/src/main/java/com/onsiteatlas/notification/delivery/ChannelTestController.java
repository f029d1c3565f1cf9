package com.onsiteatlas.notification.delivery;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.support.security.OrganisersOnly;
import com.onsiteatlas.support.web.ApiResponse;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * The test sends the existing ONSITE ATLAS client's WhatsApp and SMS screens call
 * (contract 3.1): {@code {phoneNumber, message, eventId}}, answered 202 with what was
 * queued; the outcome is in the delivery log ({@code notifications/progress?batch=}).
 */
@RestController
class ChannelTestController {

	private final ChannelTestSends testSends;

	ChannelTestController(ChannelTestSends testSends) {
		this.testSends = testSends;
	}

	@PostMapping("/api/whatsapp/test")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@OrganisersOnly
	Mono<ApiResponse<Map<String, Object>>> whatsapp(@Valid @RequestBody TestMessage request) {
		return send("whatsapp", request);
	}

	@PostMapping("/api/sms/test")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@OrganisersOnly
	Mono<ApiResponse<Map<String, Object>>> sms(@Valid @RequestBody TestMessage request) {
		return send("sms", request);
	}

	private Mono<ApiResponse<Map<String, Object>>> send(String channel, TestMessage request) {
		return this.testSends
			.send(ObjectIds.require(request.eventId(), "eventId"), channel, request.phoneNumber(), request.message())
			.map((sent) -> ApiResponse.ok("Test message queued to " + sent.recipient(),
					Map.<String, Object>of("queued", sent.queued(), "recipient", sent.recipient(), "batchId",
							sent.batchId(), "message", sent.message())));
	}

	/**
	 * Body of a test message, as the ONSITE ATLAS client sends it.
	 * @param phoneNumber the recipient: international ({@code +91 98765 43210}) or
	 * national in the conference's country; digits with optional {@code +}, spaces, dots,
	 * dashes and parentheses, so a typo such as letters is refused here instead of
	 * failing later in the delivery log
	 * @param message the text
	 * @param eventId the conference whose account sends it
	 */
	private static final String PHONE = "\\+?[0-9(][0-9 ().\\-]{4,30}";

	record TestMessage(@NotBlank @Size(max = 32) @Pattern(regexp = PHONE,
			message = "must be a phone number: digits, optionally with a leading +, spaces, dots, dashes or parentheses") String phoneNumber,
			@NotBlank @Size(max = 4096) String message, @NotBlank String eventId) {
	}

}
