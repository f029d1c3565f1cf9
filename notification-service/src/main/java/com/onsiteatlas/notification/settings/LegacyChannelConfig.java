package com.onsiteatlas.notification.settings;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The shapes the legacy admin components ({@code WhatsAppConfiguration.jsx},
 * {@code SMSConfiguration.jsx}) read and write; both map onto {@link NotificationConfig}.
 */
final class LegacyChannelConfig {

	private LegacyChannelConfig() {
	}

	/**
	 * {@code /events/:id/whatsapp-config}.
	 *
	 * @param enabled enabled
	 * @param businessApiUrl Graph API base
	 * @param apiToken access token (secret)
	 * @param phoneNumberId Meta phone number id
	 * @param webhookToken webhook verify token (secret)
	 * @param rateLimit per minute
	 * @param templates template texts by purpose
	 */
	record WhatsApp(Boolean enabled,
			@Pattern(regexp = "https?://.+", message = "must be an http(s) URL") @Size(max = 500) String businessApiUrl,
			@Size(max = 2000) String apiToken, @Size(max = 64) String phoneNumberId,
			@Size(max = 500) String webhookToken, @Min(1) @Max(100_000) Integer rateLimit,
			Map<String, @Size(max = 5000) String> templates) {
	}

	/**
	 * {@code /events/:id/sms-config}.
	 *
	 * @param enabled enabled
	 * @param provider twilio, textlocal or msg91
	 * @param providers credentials per provider
	 * @param templates template texts by purpose
	 * @param rateLimit per minute
	 */
	record Sms(Boolean enabled,
			@Pattern(regexp = "twilio|textlocal|msg91",
					message = "must be one of twilio, textlocal, msg91") String provider,
			@Valid Providers providers, Map<String, @Size(max = 5000) String> templates,
			@Min(1) @Max(100_000) Integer rateLimit) {
	}

	record Providers(@Valid Twilio twilio, @Valid TextLocal textlocal, @Valid Msg91 msg91) {
	}

	record Twilio(@Size(max = 64) String accountSid, @Size(max = 500) String authToken,
			@Size(max = 32) String fromNumber) {
	}

	record TextLocal(@Size(max = 500) String apiKey, @Size(max = 200) String username, @Size(max = 32) String sender) {
	}

	record Msg91(@Size(max = 500) String apiKey, @Size(max = 32) String senderId,
			@Pattern(regexp = "1|4", message = "must be 1 or 4") String route) {
	}

}
