package com.onsiteatlas.notification.settings;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The notification configuration of one event; its {@code _id} is the event id. Secret
 * fields hold AES-GCM ciphertext in the database and a mask in API responses.
 *
 * @param id the event id
 * @param event the event id (field in docs/notification.md)
 * @param email e-mail settings
 * @param whatsapp WhatsApp settings
 * @param sms SMS settings
 * @param testMode divert every send of the event to the test recipients
 * @param testRecipients where test sends go
 * @param createdBy who created it
 * @param updatedAt when it last changed
 */
@Document(NotificationConfig.COLLECTION)
public record NotificationConfig(@Id @JsonProperty("_id") String id, String event, Email email, WhatsApp whatsapp,
		Sms sms, boolean testMode, TestRecipients testRecipients, String createdBy, Instant updatedAt) {

	static final String COLLECTION = "notification_configs";

	static NotificationConfig defaults(String eventId) {
		return new NotificationConfig(eventId, eventId, new Email(true, null, null, null, null),
				new WhatsApp(false, "cloud-api", null, null, null, null, null, null, null, null),
				new Sms(false, "twilio", Map.of(), null, null), false, new TestRecipients(null, null), null, null);
	}

	/**
	 * E-mail settings.
	 *
	 * @param enabled whether e-mail is sent
	 * @param sender sender name and address
	 * @param replyTo reply-to address
	 * @param footerText appended to every e-mail
	 * @param smtp per-event SMTP server; the global one when null
	 */
	public record Email(boolean enabled, Sender sender, String replyTo, String footerText, Smtp smtp) {
	}

	/**
	 * A sender.
	 *
	 * @param name display name
	 * @param email address
	 */
	public record Sender(String name, String email) {
	}

	/**
	 * A per-event SMTP server.
	 *
	 * @param host host
	 * @param port port
	 * @param secure implicit TLS (SMTPS, usually port 465)
	 * @param startTls require STARTTLS
	 * @param username user
	 * @param password password (secret)
	 */
	public record Smtp(String host, Integer port, boolean secure, boolean startTls, String username, String password) {
	}

	/**
	 * WhatsApp settings.
	 *
	 * @param enabled whether WhatsApp is sent
	 * @param provider cloud-api (Meta WhatsApp Business Cloud API) or twilio
	 * @param phoneNumber the business number (E.164; the Twilio sender)
	 * @param phoneNumberId Meta phone number id
	 * @param businessApiUrl Graph API base override (legacy field)
	 * @param apiKey Meta access token (secret)
	 * @param webhookVerifyToken token Meta echoes when subscribing the webhook (secret)
	 * @param appSecret Meta app secret for {@code X-Hub-Signature-256} (secret)
	 * @param rateLimit messages per minute (legacy field)
	 * @param templates legacy template texts by purpose
	 */
	public record WhatsApp(boolean enabled, String provider, String phoneNumber, String phoneNumberId,
			String businessApiUrl, String apiKey, String webhookVerifyToken, String appSecret, Integer rateLimit,
			Map<String, String> templates) {
	}

	/**
	 * SMS settings.
	 *
	 * @param enabled whether SMS is sent
	 * @param provider the active provider: twilio, aws-sns, textlocal, msg91 or other
	 * @param providers credentials per provider
	 * @param rateLimit messages per minute (legacy field)
	 * @param templates legacy template texts by purpose
	 */
	public record Sms(boolean enabled, String provider, Map<String, SmsCredentials> providers, Integer rateLimit,
			Map<String, String> templates) {

		public Sms {
			providers = (providers != null) ? Map.copyOf(providers) : Map.of();
		}

		/**
		 * Credentials of the active provider.
		 * @return the credentials, or null
		 */
		public SmsCredentials active() {
			return (this.provider != null) ? this.providers.get(this.provider) : null;
		}

	}

	/**
	 * Credentials of an SMS provider (the union of the fields of the supported ones).
	 *
	 * @param accountSid Twilio account SID
	 * @param authToken Twilio auth token (secret)
	 * @param fromNumber sender number (Twilio; the webhook's {@code from})
	 * @param messagingServiceSid Twilio messaging service
	 * @param apiKey TextLocal API key, MSG91 auth key, or the webhook's bearer token or
	 * basic password (secret)
	 * @param username TextLocal user (not needed by its API); the webhook's basic user
	 * @param sender TextLocal sender
	 * @param senderId MSG91 sender id; AWS SNS sender id
	 * @param route MSG91 route
	 * @param accessKeyId AWS access key id
	 * @param secretAccessKey AWS secret access key (secret)
	 * @param region AWS region of the SNS endpoint
	 * @param templateId MSG91 flow template id
	 * @param url the {@code other} provider's webhook URL
	 */
	public record SmsCredentials(String accountSid, String authToken, String fromNumber, String messagingServiceSid,
			String apiKey, String username, String sender, String senderId, String route, String accessKeyId,
			String secretAccessKey, String region, String templateId, String url) {

		/**
		 * Credentials of the fields every provider had before AWS SNS and the webhook.
		 * @param accountSid Twilio account SID
		 * @param authToken Twilio auth token
		 * @param fromNumber sender number
		 * @param messagingServiceSid Twilio messaging service
		 * @param apiKey TextLocal/MSG91 key
		 * @param username TextLocal user
		 * @param sender TextLocal sender
		 * @param senderId MSG91 sender id
		 * @param route MSG91 route
		 */
		public SmsCredentials(String accountSid, String authToken, String fromNumber, String messagingServiceSid,
				String apiKey, String username, String sender, String senderId, String route) {
			this(accountSid, authToken, fromNumber, messagingServiceSid, apiKey, username, sender, senderId, route,
					null, null, null, null, null);
		}

	}

	/**
	 * Test recipients.
	 *
	 * @param email test e-mail address
	 * @param phone test phone (SMS and WhatsApp)
	 */
	public record TestRecipients(String email, String phone) {
	}

}
