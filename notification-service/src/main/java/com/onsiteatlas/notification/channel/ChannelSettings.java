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
 * @param sms Twilio account for SMS, or null
 * @param whatsapp WhatsApp account, or null
 */
public record ChannelSettings(String eventId, SmtpServer smtp, String senderName, String senderEmail, String replyTo,
		String footerText, TwilioAccount sms, WhatsAppAccount whatsapp) {

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
