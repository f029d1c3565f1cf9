package com.onsiteatlas.notification.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.config.SecretBox;

/**
 * The two readings of a stored configuration's encrypted secrets: masked for the API,
 * decrypted for sending.
 */
@Component
class ConfigSecrets {

	private final SecretBox secrets;

	ConfigSecrets(SecretBox secrets) {
		this.secrets = secrets;
	}

	/**
	 * The configuration with its secrets masked, as the API returns it.
	 * @param config stored configuration
	 * @return masked configuration
	 */
	NotificationConfig masked(NotificationConfig config) {
		return transform(config, (sealed) -> SecretBox.mask(this.secrets.decrypt(sealed)));
	}

	/**
	 * The configuration with its secrets decrypted, for sending; never returned by the
	 * API.
	 * @param config stored configuration
	 * @return decrypted configuration
	 */
	NotificationConfig decrypted(NotificationConfig config) {
		return transform(config, this.secrets::decrypt);
	}

	private static NotificationConfig transform(NotificationConfig config, UnaryOperator<String> secret) {
		NotificationConfig.Email email = config.email();
		if (email != null && email.smtp() != null) {
			NotificationConfig.Smtp s = email.smtp();
			email = new NotificationConfig.Email(email.enabled(), email.sender(), email.replyTo(), email.footerText(),
					new NotificationConfig.Smtp(s.host(), s.port(), s.secure(), s.startTls(), s.username(),
							secret.apply(s.password())));
		}
		NotificationConfig.WhatsApp w = config.whatsapp();
		if (w != null) {
			w = new NotificationConfig.WhatsApp(w.enabled(), w.provider(), w.phoneNumber(), w.phoneNumberId(),
					w.businessApiUrl(), secret.apply(w.apiKey()), secret.apply(w.webhookVerifyToken()),
					secret.apply(w.appSecret()), w.rateLimit(), w.templates());
		}
		NotificationConfig.Sms sms = config.sms();
		if (sms != null) {
			Map<String, NotificationConfig.SmsCredentials> providers = new LinkedHashMap<>();
			sms.providers()
				.forEach((name, c) -> providers.put(name,
						new NotificationConfig.SmsCredentials(c.accountSid(), secret.apply(c.authToken()),
								c.fromNumber(), c.messagingServiceSid(), secret.apply(c.apiKey()), c.username(),
								c.sender(), c.senderId(), c.route(), c.accessKeyId(), secret.apply(c.secretAccessKey()),
								c.region(), c.templateId(), c.url())));
			sms = new NotificationConfig.Sms(sms.enabled(), sms.provider(), providers, sms.rateLimit(),
					sms.templates());
		}
		return new NotificationConfig(config.id(), config.event(), email, w, sms, config.testMode(),
				config.testRecipients(), config.createdBy(), config.updatedAt());
	}

}
