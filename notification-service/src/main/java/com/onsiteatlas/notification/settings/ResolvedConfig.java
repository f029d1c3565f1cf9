package com.onsiteatlas.notification.settings;

import com.onsiteatlas.domainevents.conference.SenderSettings;
import com.onsiteatlas.notification.channel.ChannelSettings;

/**
 * A decrypted configuration with the channel settings derived from it.
 *
 * @param config the configuration
 * @param settings the channel settings
 */
public record ResolvedConfig(NotificationConfig config, ChannelSettings settings) {

	/**
	 * What the channels need for an event: its decrypted configuration with the
	 * conference's sender settings as fallback.
	 * @param eventId the event
	 * @param config the decrypted configuration
	 * @param conferenceSender the conference's sender settings, may be null
	 * @return the settings and the configuration
	 */
	static ResolvedConfig from(String eventId, NotificationConfig config, SenderSettings conferenceSender) {
		NotificationConfig.Email email = config.email();
		NotificationConfig.Sender sender = email.sender();
		String senderName = (sender != null && sender.name() != null) ? sender.name()
				: (conferenceSender != null) ? conferenceSender.senderName() : null;
		String senderEmail = (sender != null && sender.email() != null) ? sender.email()
				: (conferenceSender != null) ? conferenceSender.senderEmail() : null;
		String replyTo = (email.replyTo() != null) ? email.replyTo()
				: (conferenceSender != null) ? conferenceSender.replyToEmail() : null;
		ChannelSettings.SmtpServer smtp = null;
		if (email.smtp() != null && email.smtp().host() != null) {
			NotificationConfig.Smtp s = email.smtp();
			smtp = new ChannelSettings.SmtpServer(s.host(), (s.port() != null) ? s.port() : (s.secure() ? 465 : 587),
					s.secure(), s.startTls(), s.username(), s.password());
		}
		NotificationConfig.SmsCredentials twilio = config.sms().providers().get("twilio");
		ChannelSettings.TwilioAccount sms = (twilio != null) ? new ChannelSettings.TwilioAccount(twilio.accountSid(),
				twilio.authToken(), twilio.fromNumber(), twilio.messagingServiceSid()) : null;
		NotificationConfig.WhatsApp w = config.whatsapp();
		ChannelSettings.WhatsAppAccount whatsapp = null;
		if (w != null) {
			ChannelSettings.TwilioAccount whatsappTwilio = (twilio != null)
					? new ChannelSettings.TwilioAccount(twilio.accountSid(), twilio.authToken(),
							(w.phoneNumber() != null) ? w.phoneNumber() : twilio.fromNumber(), null)
					: null;
			whatsapp = new ChannelSettings.WhatsAppAccount(w.provider(), w.phoneNumberId(), w.apiKey(),
					w.businessApiUrl(), whatsappTwilio);
		}
		return new ResolvedConfig(config, new ChannelSettings(eventId, smtp, senderName, senderEmail, replyTo,
				email.footerText(), sms, whatsapp, smsAccount(config.sms())));
	}

	/**
	 * The active SMS provider with its credentials; only that provider's part is filled
	 * in, so that a send can never reach another provider's account.
	 */
	private static ChannelSettings.SmsAccount smsAccount(NotificationConfig.Sms sms) {
		String provider = sms.provider();
		NotificationConfig.SmsCredentials c = sms.active();
		if (provider == null) {
			return null;
		}
		if (c == null) {
			return new ChannelSettings.SmsAccount(provider, null, null, null, null, null);
		}
		return switch (provider) {
			case "twilio" -> new ChannelSettings.SmsAccount(provider, new ChannelSettings.TwilioAccount(c.accountSid(),
					c.authToken(), c.fromNumber(), c.messagingServiceSid()), null, null, null, null);
			case "aws-sns" -> new ChannelSettings.SmsAccount(provider, null,
					new ChannelSettings.SnsAccount(c.accessKeyId(), c.secretAccessKey(), c.region(), c.senderId()),
					null, null, null);
			case "textlocal" -> new ChannelSettings.SmsAccount(provider, null, null,
					new ChannelSettings.TextLocalAccount(c.apiKey(), c.sender()), null, null);
			case "msg91" -> new ChannelSettings.SmsAccount(provider, null, null, null,
					new ChannelSettings.Msg91Account(c.apiKey(), c.senderId(), c.route(), c.templateId()), null);
			case "other" -> new ChannelSettings.SmsAccount(provider, null, null, null, null,
					new ChannelSettings.WebhookAccount(c.url(), c.fromNumber(), c.username(), c.apiKey()));
			default -> new ChannelSettings.SmsAccount(provider, null, null, null, null, null);
		};
	}

	/**
	 * Whether a channel is switched on for the event.
	 * @param channel email, sms or whatsapp
	 * @return true when enabled
	 */
	public boolean enabled(String channel) {
		return switch (channel) {
			case "email" -> this.config.email() == null || this.config.email().enabled();
			case "sms" -> this.config.sms() != null && this.config.sms().enabled();
			case "whatsapp" -> this.config.whatsapp() != null && this.config.whatsapp().enabled();
			default -> false;
		};
	}

}
