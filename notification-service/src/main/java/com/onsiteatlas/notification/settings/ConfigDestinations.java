package com.onsiteatlas.notification.settings;

import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.config.SecretBox;
import com.onsiteatlas.support.destination.DestinationPolicy;
import com.onsiteatlas.support.destination.DestinationRefusedException;
import com.onsiteatlas.support.web.ApiError;
import com.onsiteatlas.support.web.ApiException;

/**
 * The rules for where an update may send the event's secrets: an SMTP host or WhatsApp
 * API URL, or the SMS webhook URL, must be allowed by the {@link DestinationPolicy}, and
 * a stored secret is kept only while its destination is unchanged (a new SMTP host or
 * port, API URL, phone number id or webhook URL needs the secret again), so that nobody
 * who can edit the settings can carry a stored password or token to a server of their
 * choosing.
 */
@Component
class ConfigDestinations {

	private final DestinationPolicy policy;

	ConfigDestinations(DestinationPolicy policy) {
		this.policy = policy;
	}

	/**
	 * Checks an update against the stored configuration.
	 * @param current the stored configuration (secrets encrypted)
	 * @param request the update
	 * @throws ApiException 400 naming the field
	 */
	void check(NotificationConfig current, ConfigRequest request) {
		if (request.email() != null && request.email().smtp() != null) {
			checkSmtp((current.email() != null) ? current.email().smtp() : null, request.email().smtp());
		}
		if (request.whatsapp() != null) {
			checkWhatsApp(current.whatsapp(), request.whatsapp());
		}
		if (request.sms() != null && request.sms().config() != null) {
			checkSmsWebhook(current.sms(), request.sms());
		}
	}

	/**
	 * The {@code other} provider's webhook: its URL must be allowed, and its stored
	 * secret is kept only while the URL is unchanged. The active provider's credentials
	 * are the ones a request's {@code sms.config} writes.
	 */
	private void checkSmsWebhook(NotificationConfig.Sms stored, ConfigRequest.SmsRequest given) {
		String provider = (given.provider() != null) ? given.provider() : (stored != null) ? stored.provider() : null;
		if (!"other".equals(provider)) {
			return;
		}
		NotificationConfig.SmsCredentials old = (stored != null) ? stored.providers().get("other") : null;
		String url = after(given.config().url(), (old != null) ? old.url() : null);
		if (url != null) {
			allowed(() -> this.policy.checkUrlAtSave("sms.config.url", url));
		}
		if (old == null || old.apiKey() == null || !SecretBox.keepsStored(given.config().apiKey())) {
			return;
		}
		if (!Objects.equals(url, old.url())) {
			throw refused("sms.config.apiKey", "The SMS webhook url changed: send sms.config.apiKey again (a stored"
					+ " secret is kept only for the destination it was given for)");
		}
	}

	private void checkSmtp(NotificationConfig.Smtp stored, ConfigRequest.SmtpRequest given) {
		String host = after(given.host(), (stored != null) ? stored.host() : null);
		if (host == null) {
			return;
		}
		allowed(() -> this.policy.checkAtSave("email.smtp.host", host));
		if (stored == null || stored.password() == null || !SecretBox.keepsStored(given.password())) {
			return;
		}
		boolean secure = (given.secure() != null) ? given.secure() : stored.secure();
		Integer port = (given.port() != null) ? given.port() : stored.port();
		if (!host.equalsIgnoreCase(Objects.toString(stored.host(), ""))
				|| port(port, secure) != port(stored.port(), stored.secure())) {
			throw refused("email.smtp.password", "The SMTP host or port changed: send email.smtp.password again"
					+ " (a stored password is kept only for the server it was given for)");
		}
	}

	private void checkWhatsApp(NotificationConfig.WhatsApp stored, ConfigRequest.WhatsAppRequest given) {
		String url = after(given.businessApiUrl(), (stored != null) ? stored.businessApiUrl() : null);
		if (url != null) {
			allowed(() -> this.policy.checkUrlAtSave("whatsapp.businessApiUrl", url));
		}
		if (stored == null || stored.apiKey() == null || !SecretBox.keepsStored(given.apiKey())) {
			return;
		}
		String phoneNumberId = after(given.phoneNumberId(), stored.phoneNumberId());
		if (!Objects.equals(url, stored.businessApiUrl()) || !Objects.equals(phoneNumberId, stored.phoneNumberId())) {
			throw refused("whatsapp.apiKey", "The WhatsApp businessApiUrl or phoneNumberId changed: send"
					+ " whatsapp.apiKey (apiToken in whatsapp-config) again (a stored token is kept only for the"
					+ " destination it was given for)");
		}
	}

	private static int port(Integer port, boolean secure) {
		return (port != null) ? port : (secure ? 465 : 587);
	}

	private static void allowed(Runnable check) {
		try {
			check.run();
		}
		catch (DestinationRefusedException ex) {
			throw refused(ex.field(), ex.getMessage());
		}
	}

	private static ApiException refused(String field, String message) {
		return ApiException.badRequest(message, List.of(new ApiError.FieldError(field, message)));
	}

	/** A text field after the update: absent keeps, blank clears (as ConfigChanges). */
	private static String after(String given, String stored) {
		String value = (given != null) ? given : stored;
		return (value == null || value.isBlank()) ? null : value;
	}

}
