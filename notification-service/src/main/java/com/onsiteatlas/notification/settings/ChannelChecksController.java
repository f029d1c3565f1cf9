package com.onsiteatlas.notification.settings;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.notification.channel.ConnectionCheck;
import com.onsiteatlas.notification.channel.SmsBalances;
import com.onsiteatlas.support.security.OrganisersOnly;
import com.onsiteatlas.support.web.ApiResponse;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * The account checks the existing ONSITE ATLAS client's WhatsApp and SMS screens call
 * (contract 3.1), for the conference named by {@code eventId}.
 */
@RestController
class ChannelChecksController {

	private final ChannelChecks checks;

	ChannelChecksController(ChannelChecks checks) {
		this.checks = checks;
	}

	@GetMapping("/api/whatsapp/validate")
	@OrganisersOnly
	Mono<ApiResponse<ChannelChecks.Validation>> validateWhatsApp(@RequestParam String eventId) {
		return validate(eventId, "whatsapp");
	}

	@GetMapping("/api/sms/validate")
	@OrganisersOnly
	Mono<ApiResponse<ChannelChecks.Validation>> validateSms(@RequestParam String eventId) {
		return validate(eventId, "sms");
	}

	@GetMapping("/api/sms/balance")
	@OrganisersOnly
	Mono<ApiResponse<SmsBalances.SmsBalance>> smsBalance(@RequestParam String eventId) {
		return this.checks.smsBalance(ObjectIds.require(eventId, "eventId"))
			.map((balance) -> ApiResponse.ok("SMS balance", balance));
	}

	private Mono<ApiResponse<ChannelChecks.Validation>> validate(String eventId, String channel) {
		return this.checks.validate(ObjectIds.require(eventId, "eventId"), channel)
			.map((validation) -> ApiResponse.ok(validation.isValid() ? "The account works"
					: "The account does not work: " + validation.checks()
						.stream()
						.map(ConnectionCheck::message)
						.findFirst()
						.orElse("the channel is not configured"),
					validation));
	}

}
