package com.onsiteatlas.notification.settings;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of updating the configuration; absent fields keep their value, and secrets that
 * are absent, empty or still masked keep the stored secret.
 *
 * @param email e-mail settings
 * @param whatsapp WhatsApp settings
 * @param sms SMS settings
 * @param testMode test mode
 * @param testRecipients test recipients
 */
record ConfigRequest(@Valid EmailRequest email, @Valid WhatsAppRequest whatsapp, @Valid SmsRequest sms,
		Boolean testMode, @Valid TestRecipientsRequest testRecipients) {

	record EmailRequest(Boolean enabled, @Valid SenderRequest sender, @Email @Size(max = 320) String replyTo,
			@Size(max = 5000) String footerText, @Valid SmtpRequest smtp) {
	}

	record SenderRequest(@Size(max = 200) String name, @Email @Size(max = 320) String email) {
	}

	record SmtpRequest(@Size(max = 255) String host, @Min(1) @Max(65535) Integer port, Boolean secure, Boolean startTls,
			@Size(max = 320) String username, @Size(max = 1000) String password) {
	}

	record WhatsAppRequest(Boolean enabled,
			@Pattern(regexp = "cloud-api|twilio", message = "must be cloud-api or twilio") String provider,
			@Size(max = 32) String phoneNumber,
			@Pattern(regexp = "[A-Za-z0-9_-]{1,64}|",
					message = "must be letters, digits, _ or - (it is a URL path segment)") String phoneNumberId,
			@Pattern(regexp = "https?://.+", message = "must be an http(s) URL") @Size(max = 500) String businessApiUrl,
			@Size(max = 2000) String apiKey, @Size(max = 500) String webhookVerifyToken,
			@Size(max = 500) String appSecret, @Min(1) @Max(100_000) Integer rateLimit,
			Map<String, @Size(max = 5000) String> templates) {
	}

	record SmsRequest(Boolean enabled,
			@Pattern(regexp = "twilio|aws-sns|textlocal|msg91|other",
					message = "must be one of twilio, aws-sns, textlocal, msg91, other") String provider,
			@Valid CredentialsRequest config, @Min(1) @Max(100_000) Integer rateLimit,
			Map<String, @Size(max = 5000) String> templates) {
	}

	record CredentialsRequest(
			@Pattern(regexp = "[A-Za-z0-9]{1,64}|",
					message = "must be letters and digits (it is a URL path segment)") String accountSid,
			@Size(max = 500) String authToken, @Size(max = 32) String fromNumber,
			@Size(max = 64) String messagingServiceSid, @Size(max = 500) String apiKey,
			@Size(max = 200) String username, @Size(max = 32) String sender, @Size(max = 32) String senderId,
			@Size(max = 8) String route,
			@Pattern(regexp = "[A-Z0-9]{16,128}|",
					message = "must be an AWS access key id (upper-case letters and digits)") String accessKeyId,
			@Size(max = 500) String secretAccessKey,
			@Pattern(regexp = "[a-z]{2}(-[a-z0-9]+){1,3}|",
					message = "must be an AWS region such as eu-west-1 (it is part of the endpoint's host)") String region,
			@Pattern(regexp = "[A-Za-z0-9_-]{1,64}|", message = "must be letters, digits, _ or -") String templateId,
			@Pattern(regexp = "https?://.+", message = "must be an http(s) URL") @Size(max = 500) String url) {

		CredentialsRequest(String accountSid, String authToken, String fromNumber, String messagingServiceSid,
				String apiKey, String username, String sender, String senderId, String route) {
			this(accountSid, authToken, fromNumber, messagingServiceSid, apiKey, username, sender, senderId, route,
					null, null, null, null, null);
		}

	}

	record TestRecipientsRequest(@Email @Size(max = 320) String email, @Size(max = 32) String phone) {
	}

}
