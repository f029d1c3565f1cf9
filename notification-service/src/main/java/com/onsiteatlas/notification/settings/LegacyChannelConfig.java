package com.onsiteatlas.notification.settings;

import java.util.LinkedHashMap;
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
	 * The {@code whatsapp-config} shape of a (masked) configuration.
	 * @param config the configuration
	 * @return the shape
	 */
	static Map<String, Object> whatsappOf(NotificationConfig config) {
		NotificationConfig.WhatsApp w = config.whatsapp();
		Map<String, Object> shape = new LinkedHashMap<>();
		shape.put("enabled", w.enabled());
		shape.put("businessApiUrl", w.businessApiUrl());
		shape.put("apiToken", w.apiKey());
		shape.put("phoneNumberId", w.phoneNumberId());
		shape.put("webhookToken", w.webhookVerifyToken());
		shape.put("rateLimit", w.rateLimit());
		shape.put("templates", (w.templates() != null) ? w.templates() : Map.of());
		return shape;
	}

	/**
	 * The {@code sms-config} shape of a (masked) configuration.
	 * @param config the configuration
	 * @return the shape
	 */
	static Map<String, Object> smsOf(NotificationConfig config) {
		NotificationConfig.Sms sms = config.sms();
		Map<String, Object> providers = new LinkedHashMap<>();
		NotificationConfig.SmsCredentials twilio = sms.providers().get("twilio");
		if (twilio != null) {
			providers.put("twilio", map("accountSid", twilio.accountSid(), "authToken", twilio.authToken(),
					"fromNumber", twilio.fromNumber()));
		}
		NotificationConfig.SmsCredentials textlocal = sms.providers().get("textlocal");
		if (textlocal != null) {
			providers.put("textlocal",
					map("apiKey", textlocal.apiKey(), "username", textlocal.username(), "sender", textlocal.sender()));
		}
		NotificationConfig.SmsCredentials msg91 = sms.providers().get("msg91");
		if (msg91 != null) {
			providers.put("msg91", map("apiKey", msg91.apiKey(), "senderId", msg91.senderId(), "route", msg91.route()));
		}
		Map<String, Object> shape = new LinkedHashMap<>();
		shape.put("enabled", sms.enabled());
		shape.put("provider", sms.provider());
		shape.put("providers", providers);
		shape.put("templates", (sms.templates() != null) ? sms.templates() : Map.of());
		shape.put("rateLimit", sms.rateLimit());
		return shape;
	}

	private static Map<String, Object> map(String k1, Object v1, String k2, Object v2, String k3, Object v3) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put(k1, v1);
		map.put(k2, v2);
		map.put(k3, v3);
		return map;
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
			@Size(max = 2000) String apiToken,
			@Pattern(regexp = "[A-Za-z0-9_-]{1,64}|",
					message = "must be letters, digits, _ or - (it is a URL path segment)") String phoneNumberId,
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

	record Twilio(
			@Pattern(regexp = "[A-Za-z0-9]{1,64}|",
					message = "must be letters and digits (it is a URL path segment)") String accountSid,
			@Size(max = 500) String authToken, @Size(max = 32) String fromNumber) {
	}

	record TextLocal(@Size(max = 500) String apiKey, @Size(max = 200) String username, @Size(max = 32) String sender) {
	}

	record Msg91(@Size(max = 500) String apiKey, @Size(max = 32) String senderId,
			@Pattern(regexp = "1|4", message = "must be 1 or 4") String route) {
	}

}
