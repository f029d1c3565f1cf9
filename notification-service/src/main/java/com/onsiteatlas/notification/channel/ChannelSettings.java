package com.onsiteatlas.notification.channel;

/**
 * What the channels need of an event's configuration, with secrets decrypted. Built per
 * send by the configuration feature; never stored or returned.
 *
 * @param eventId the event
 * @param smtp the event's SMTP server, or null for the global one
 * @param senderName sender display name
 * @param senderEmail sender address
 * @param replyTo reply-to address
 * @param footerText appended to e-mail bodies
 * @param sms the Twilio account (SMS sends when Twilio is the active provider, and the
 * signature of Twilio's status callbacks), or null
 * @param whatsapp WhatsApp account, or null
 * @param smsAccount the active SMS provider with its credentials, or null
 */
public record ChannelSettings(String eventId, SmtpServer smtp, String senderName, String senderEmail, String replyTo,
		String footerText, TwilioAccount sms, WhatsAppAccount whatsapp, SmsAccount smsAccount) {

	/**
	 * Settings whose SMS provider is the given Twilio account.
	 * @param eventId the event
	 * @param smtp the event's SMTP server, or null
	 * @param senderName sender display name
	 * @param senderEmail sender address
	 * @param replyTo reply-to address
	 * @param footerText appended to e-mail bodies
	 * @param sms Twilio account for SMS, or null
	 * @param whatsapp WhatsApp account, or null
	 */
	public ChannelSettings(String eventId, SmtpServer smtp, String senderName, String senderEmail, String replyTo,
			String footerText, TwilioAccount sms, WhatsAppAccount whatsapp) {
		this(eventId, smtp, senderName, senderEmail, replyTo, footerText, sms, whatsapp,
				(sms != null) ? SmsAccount.ofTwilio(sms) : null);
	}

	/**
	 * The active SMS provider of an event and its credentials; only the active provider's
	 * part is filled in.
	 *
	 * @param provider twilio, aws-sns, textlocal, msg91 or other, as configured
	 * @param twilio Twilio account (twilio)
	 * @param sns AWS access key, region and sender id (aws-sns)
	 * @param textlocal TextLocal key and sender (textlocal)
	 * @param msg91 MSG91 key, sender, route and template (msg91)
	 * @param webhook the organiser's HTTP endpoint (other)
	 */
	public record SmsAccount(String provider, TwilioAccount twilio, SnsAccount sns, TextLocalAccount textlocal,
			Msg91Account msg91, WebhookAccount webhook) {

		static SmsAccount ofTwilio(TwilioAccount twilio) {
			return new SmsAccount("twilio", twilio, null, null, null, null);
		}

		/**
		 * The circuit breaker's name for this account: the provider and an identity of
		 * the account that names no secret.
		 * @return e.g. twilio:AC123, aws-sns:AKIA...:eu-west-1, textlocal:3fa2c1d0e4b5
		 */
		public String breakerName() {
			String account = switch (String.valueOf(this.provider)) {
				case "twilio" -> (this.twilio != null) ? this.twilio.accountSid() : "none";
				case "aws-sns" -> (this.sns != null) ? this.sns.accessKeyId() + ":" + this.sns.region() : "none";
				case "textlocal" ->
					(this.textlocal != null) ? CredentialCache.key(this.textlocal.apiKey()).substring(0, 12) : "none";
				case "msg91" ->
					(this.msg91 != null) ? CredentialCache.key(this.msg91.authKey()).substring(0, 12) : "none";
				case "other" ->
					(this.webhook != null) ? CredentialCache.key(this.webhook.url()).substring(0, 12) : "none";
				default -> "none";
			};
			return this.provider + ":" + account;
		}

		@Override
		public String toString() {
			return "SmsAccount[" + this.provider + "]";
		}

	}

	/**
	 * An AWS SNS sender.
	 *
	 * @param accessKeyId access key id
	 * @param secretAccessKey secret access key
	 * @param region region whose SNS endpoint is called ({@code eu-west-1})
	 * @param senderId alphanumeric sender id where the destination country supports it,
	 * or null
	 */
	public record SnsAccount(String accessKeyId, String secretAccessKey, String region, String senderId) {

		@Override
		public String toString() {
			return "SnsAccount[" + this.accessKeyId + ", " + this.region + "]";
		}

	}

	/**
	 * A TextLocal sender.
	 *
	 * @param apiKey API key
	 * @param sender sender name
	 */
	public record TextLocalAccount(String apiKey, String sender) {

		@Override
		public String toString() {
			return "TextLocalAccount[" + this.sender + "]";
		}

	}

	/**
	 * An MSG91 sender (Flow API).
	 *
	 * @param authKey auth key
	 * @param senderId sender id, or null for the flow's own
	 * @param route route (1 promotional, 4 transactional), or null
	 * @param templateId the flow (template) id whose {@code ##message##} variable carries
	 * the text
	 */
	public record Msg91Account(String authKey, String senderId, String route, String templateId) {

		@Override
		public String toString() {
			return "Msg91Account[" + this.senderId + ", " + this.templateId + "]";
		}

	}

	/**
	 * The organiser's own SMS gateway, reached as an HTTP webhook.
	 *
	 * @param url where the message is POSTed
	 * @param from sender number or name passed on as {@code from}
	 * @param username user of HTTP basic authentication, or null for a bearer token
	 * @param secret the bearer token or basic password, or null for none
	 */
	public record WebhookAccount(String url, String from, String username, String secret) {

		@Override
		public String toString() {
			return "WebhookAccount[" + this.url + "]";
		}

	}

	/**
	 * An SMTP server.
	 *
	 * @param host host
	 * @param port port
	 * @param secure implicit TLS
	 * @param startTls require STARTTLS
	 * @param username user, null for no authentication
	 * @param password password
	 */
	public record SmtpServer(String host, int port, boolean secure, boolean startTls, String username,
			String password) {

		/** A digest of the whole server and login, never the password itself. */
		String key() {
			return CredentialCache.key(this.host, this.port, this.secure, this.startTls, this.username, this.password);
		}

		@Override
		public String toString() {
			return "SmtpServer[" + this.host + ":" + this.port + ", user=" + this.username + "]";
		}

	}

	/**
	 * A Twilio account.
	 *
	 * @param accountSid account SID
	 * @param authToken auth token
	 * @param from sender number
	 * @param messagingServiceSid messaging service, instead of a number
	 */
	public record TwilioAccount(String accountSid, String authToken, String from, String messagingServiceSid) {

		/** A digest of the account and its token, never the token itself. */
		String key() {
			return CredentialCache.key(this.accountSid, this.authToken);
		}

		@Override
		public String toString() {
			return "TwilioAccount[" + this.accountSid + "]";
		}

	}

	/**
	 * A WhatsApp sender.
	 *
	 * @param provider cloud-api or twilio
	 * @param phoneNumberId Meta phone number id (cloud-api)
	 * @param accessToken Meta access token (cloud-api)
	 * @param baseUrl Graph API base override, or null
	 * @param twilio Twilio account with a {@code whatsapp:} sender (twilio)
	 */
	public record WhatsAppAccount(String provider, String phoneNumberId, String accessToken, String baseUrl,
			TwilioAccount twilio) {

		@Override
		public String toString() {
			return "WhatsAppAccount[" + this.provider + ", " + this.phoneNumberId + "]";
		}

	}

}
