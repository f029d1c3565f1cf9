package com.onsiteatlas.notification.settings;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.config.SecretBox;
import com.onsiteatlas.support.web.ApiException;

/**
 * Applies an update request to the stored configuration: an absent field keeps the stored
 * value, a blank text clears it, a secret is encrypted unless the masked value came back
 * (and kept only for an unchanged destination, {@link ConfigDestinations}), and test mode
 * needs a test recipient.
 */
@Component
class ConfigChanges {

	private final SecretBox secrets;

	private final ConfigDestinations destinations;

	private final Clock clock;

	ConfigChanges(SecretBox secrets, ConfigDestinations destinations, Clock clock) {
		this.secrets = secrets;
		this.destinations = destinations;
		this.clock = clock;
	}

	/**
	 * The configuration after an update.
	 * @param current the stored configuration
	 * @param request the update
	 * @param userId who changes it
	 * @return the configuration to store
	 */
	NotificationConfig merge(NotificationConfig current, ConfigRequest request, String userId) {
		this.destinations.check(current, request);
		NotificationConfig.Email email = current.email();
		if (request.email() != null) {
			ConfigRequest.EmailRequest given = request.email();
			NotificationConfig.Sender sender = email.sender();
			if (given.sender() != null) {
				sender = new NotificationConfig.Sender(
						or(given.sender().name(), (sender != null) ? sender.name() : null),
						or(given.sender().email(), (sender != null) ? sender.email() : null));
			}
			NotificationConfig.Smtp smtp = email.smtp();
			if (given.smtp() != null) {
				ConfigRequest.SmtpRequest s = given.smtp();
				NotificationConfig.Smtp old = (smtp != null) ? smtp
						: new NotificationConfig.Smtp(null, null, false, false, null, null);
				smtp = new NotificationConfig.Smtp(or(s.host(), old.host()), or(s.port(), old.port()),
						or(s.secure(), old.secure()), or(s.startTls(), old.startTls()),
						or(s.username(), old.username()), secret(s.password(), old.password()));
				if (smtp.host() == null || smtp.host().isBlank()) {
					smtp = null;
				}
			}
			email = new NotificationConfig.Email(or(given.enabled(), email.enabled()), sender,
					or(given.replyTo(), email.replyTo()), or(given.footerText(), email.footerText()), smtp);
		}
		NotificationConfig.WhatsApp whatsapp = current.whatsapp();
		if (request.whatsapp() != null) {
			ConfigRequest.WhatsAppRequest w = request.whatsapp();
			whatsapp = new NotificationConfig.WhatsApp(or(w.enabled(), whatsapp.enabled()),
					or(w.provider(), whatsapp.provider()), or(w.phoneNumber(), whatsapp.phoneNumber()),
					or(w.phoneNumberId(), whatsapp.phoneNumberId()), or(w.businessApiUrl(), whatsapp.businessApiUrl()),
					secret(w.apiKey(), whatsapp.apiKey()),
					secret(w.webhookVerifyToken(), whatsapp.webhookVerifyToken()),
					secret(w.appSecret(), whatsapp.appSecret()), or(w.rateLimit(), whatsapp.rateLimit()),
					or(w.templates(), whatsapp.templates()));
		}
		NotificationConfig.Sms sms = current.sms();
		if (request.sms() != null) {
			ConfigRequest.SmsRequest s = request.sms();
			String provider = or(s.provider(), sms.provider());
			Map<String, NotificationConfig.SmsCredentials> providers = new LinkedHashMap<>(sms.providers());
			if (s.config() != null) {
				providers.put(provider, credentials(providers.get(provider), s.config()));
			}
			sms = new NotificationConfig.Sms(or(s.enabled(), sms.enabled()), provider, providers,
					or(s.rateLimit(), sms.rateLimit()), or(s.templates(), sms.templates()));
		}
		NotificationConfig.TestRecipients testRecipients = current.testRecipients();
		if (request.testRecipients() != null) {
			testRecipients = new NotificationConfig.TestRecipients(
					or(request.testRecipients().email(), (testRecipients != null) ? testRecipients.email() : null),
					or(request.testRecipients().phone(), (testRecipients != null) ? testRecipients.phone() : null));
		}
		boolean testMode = or(request.testMode(), current.testMode());
		if (testMode
				&& (testRecipients == null || (testRecipients.email() == null && testRecipients.phone() == null))) {
			throw ApiException.badRequest("Test mode needs test recipients (testRecipients.email and/or .phone)");
		}
		return new NotificationConfig(current.id(), current.event(), email, whatsapp, sms, testMode, testRecipients,
				or(current.createdBy(), userId), this.clock.instant());
	}

	/**
	 * The configuration after an update through the older {@code sms-config} endpoint.
	 * @param eventId the event
	 * @param current the stored configuration
	 * @param request the update
	 * @param userId who changes it
	 * @return the configuration to store
	 */
	NotificationConfig mergeSms(String eventId, NotificationConfig current, LegacyChannelConfig.Sms request,
			String userId) {
		NotificationConfig.Sms sms = current.sms();
		Map<String, NotificationConfig.SmsCredentials> providers = new LinkedHashMap<>(sms.providers());
		if (request.providers() != null) {
			LegacyChannelConfig.Providers given = request.providers();
			if (given.twilio() != null) {
				providers.put("twilio",
						credentials(providers.get("twilio"),
								new ConfigRequest.CredentialsRequest(given.twilio().accountSid(),
										given.twilio().authToken(), given.twilio().fromNumber(), null, null, null, null,
										null, null)));
			}
			if (given.textlocal() != null) {
				providers.put("textlocal",
						credentials(providers.get("textlocal"),
								new ConfigRequest.CredentialsRequest(null, null, null, null, given.textlocal().apiKey(),
										given.textlocal().username(), given.textlocal().sender(), null, null)));
			}
			if (given.msg91() != null) {
				providers.put("msg91",
						credentials(providers.get("msg91"), new ConfigRequest.CredentialsRequest(null, null, null, null,
								given.msg91().apiKey(), null, null, given.msg91().senderId(), given.msg91().route())));
			}
		}
		NotificationConfig.Sms changed = new NotificationConfig.Sms(or(request.enabled(), sms.enabled()),
				or(request.provider(), sms.provider()), providers, or(request.rateLimit(), sms.rateLimit()),
				or(request.templates(), sms.templates()));
		return new NotificationConfig(eventId, eventId, current.email(), current.whatsapp(), changed,
				current.testMode(), current.testRecipients(), or(current.createdBy(), userId), this.clock.instant());
	}

	private NotificationConfig.SmsCredentials credentials(NotificationConfig.SmsCredentials old,
			ConfigRequest.CredentialsRequest c) {
		NotificationConfig.SmsCredentials base = (old != null) ? old : new NotificationConfig.SmsCredentials(null, null,
				null, null, null, null, null, null, null, null, null, null, null, null);
		return new NotificationConfig.SmsCredentials(or(c.accountSid(), base.accountSid()),
				secret(c.authToken(), base.authToken()), or(c.fromNumber(), base.fromNumber()),
				or(c.messagingServiceSid(), base.messagingServiceSid()), secret(c.apiKey(), base.apiKey()),
				or(c.username(), base.username()), or(c.sender(), base.sender()), or(c.senderId(), base.senderId()),
				or(c.route(), base.route()), or(c.accessKeyId(), base.accessKeyId()),
				secret(c.secretAccessKey(), base.secretAccessKey()), or(c.region(), base.region()),
				or(c.templateId(), base.templateId()), or(c.url(), base.url()));
	}

	private String secret(String given, String stored) {
		return SecretBox.keepsStored(given) ? stored : this.secrets.encrypt(given);
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	/**
	 * A text field of an update: absent keeps the stored value, blank clears it (a blank
	 * sender or reply-to address would make every e-mail fail).
	 */
	private static String or(String value, String fallback) {
		if (value == null) {
			return fallback;
		}
		return value.isBlank() ? null : value;
	}

}
