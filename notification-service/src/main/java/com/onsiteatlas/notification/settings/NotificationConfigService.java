package com.onsiteatlas.notification.settings;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.onsiteatlas.notification.channel.Channel;
import com.onsiteatlas.notification.channel.ChannelSettings;
import com.onsiteatlas.notification.channel.ConnectionCheck;
import com.onsiteatlas.notification.config.SecretBox;
import com.onsiteatlas.support.projection.Directory;
import com.onsiteatlas.support.web.ApiException;

/**
 * Reads and writes the per-event configuration, keeps its secrets encrypted and resolves
 * it into what the channels need.
 */
@Service
public class NotificationConfigService {

	private final ReactiveMongoTemplate mongo;

	private final SecretBox secrets;

	private final Directory directory;

	private final Map<String, Channel> channels = new HashMap<>();

	private final Clock clock;

	NotificationConfigService(ReactiveMongoTemplate mongo, SecretBox secrets, Directory directory,
			List<Channel> channels, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
		this.secrets = secrets;
		this.directory = directory;
		channels.forEach((channel) -> this.channels.put(channel.name(), channel));
	}

	/**
	 * The stored configuration, secrets still encrypted; defaults when none was saved.
	 * @param eventId the event
	 * @return the configuration
	 */
	public Mono<NotificationConfig> stored(String eventId) {
		return this.mongo.findById(eventId, NotificationConfig.class)
			.defaultIfEmpty(NotificationConfig.defaults(eventId));
	}

	Mono<NotificationConfig> view(String eventId) {
		return stored(eventId).map(this::masked);
	}

	Mono<NotificationConfig> update(String eventId, ConfigRequest request, String userId) {
		return stored(eventId).flatMap((current) -> {
			NotificationConfig changed = merge(current, request, userId);
			return this.mongo.save(changed);
		}).map(this::masked);
	}

	Mono<NotificationConfig> updateWhatsApp(String eventId, LegacyChannelConfig.WhatsApp request, String userId) {
		ConfigRequest.WhatsAppRequest whatsapp = new ConfigRequest.WhatsAppRequest(request.enabled(), null, null,
				request.phoneNumberId(), request.businessApiUrl(), request.apiToken(), request.webhookToken(), null,
				request.rateLimit(), request.templates());
		return update(eventId, new ConfigRequest(null, whatsapp, null, null, null), userId);
	}

	Mono<NotificationConfig> updateSms(String eventId, LegacyChannelConfig.Sms request, String userId) {
		return stored(eventId).flatMap((current) -> {
			NotificationConfig.Sms sms = current.sms();
			Map<String, NotificationConfig.SmsCredentials> providers = new LinkedHashMap<>(sms.providers());
			if (request.providers() != null) {
				LegacyChannelConfig.Providers given = request.providers();
				if (given.twilio() != null) {
					providers.put("twilio",
							credentials(providers.get("twilio"),
									new ConfigRequest.CredentialsRequest(given.twilio().accountSid(),
											given.twilio().authToken(), given.twilio().fromNumber(), null, null, null,
											null, null, null)));
				}
				if (given.textlocal() != null) {
					providers.put("textlocal",
							credentials(providers.get("textlocal"),
									new ConfigRequest.CredentialsRequest(null, null, null, null,
											given.textlocal().apiKey(), given.textlocal().username(),
											given.textlocal().sender(), null, null)));
				}
				if (given.msg91() != null) {
					providers.put("msg91",
							credentials(providers.get("msg91"),
									new ConfigRequest.CredentialsRequest(null, null, null, null, given.msg91().apiKey(),
											null, null, given.msg91().senderId(), given.msg91().route())));
				}
			}
			NotificationConfig.Sms changed = new NotificationConfig.Sms(or(request.enabled(), sms.enabled()),
					or(request.provider(), sms.provider()), providers, or(request.rateLimit(), sms.rateLimit()),
					or(request.templates(), sms.templates()));
			return this.mongo.save(new NotificationConfig(eventId, eventId, current.email(), current.whatsapp(),
					changed, current.testMode(), current.testRecipients(), or(current.createdBy(), userId),
					this.clock.instant()));
		}).map(this::masked);
	}

	/**
	 * Removes the configuration of a deleted event.
	 * @param eventId the event
	 * @return completion
	 */
	public Mono<Void> deleteEvent(String eventId) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(eventId)), NotificationConfig.class).then();
	}

	private NotificationConfig merge(NotificationConfig current, ConfigRequest request, String userId) {
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

	private NotificationConfig.SmsCredentials credentials(NotificationConfig.SmsCredentials old,
			ConfigRequest.CredentialsRequest c) {
		NotificationConfig.SmsCredentials base = (old != null) ? old
				: new NotificationConfig.SmsCredentials(null, null, null, null, null, null, null, null, null);
		return new NotificationConfig.SmsCredentials(or(c.accountSid(), base.accountSid()),
				secret(c.authToken(), base.authToken()), or(c.fromNumber(), base.fromNumber()),
				or(c.messagingServiceSid(), base.messagingServiceSid()), secret(c.apiKey(), base.apiKey()),
				or(c.username(), base.username()), or(c.sender(), base.sender()), or(c.senderId(), base.senderId()),
				or(c.route(), base.route()));
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

	NotificationConfig masked(NotificationConfig config) {
		return transform(config, (sealed) -> SecretBox.mask(this.secrets.decrypt(sealed)));
	}

	/**
	 * The configuration with its secrets decrypted, for sending; never returned by the
	 * API.
	 * @param config stored configuration
	 * @return decrypted configuration
	 */
	public NotificationConfig decrypted(NotificationConfig config) {
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
								c.sender(), c.senderId(), c.route())));
			sms = new NotificationConfig.Sms(sms.enabled(), sms.provider(), providers, sms.rateLimit(),
					sms.templates());
		}
		return new NotificationConfig(config.id(), config.event(), email, w, sms, config.testMode(),
				config.testRecipients(), config.createdBy(), config.updatedAt());
	}

	/**
	 * What the channels need for an event: its decrypted configuration with the
	 * conference's sender settings as fallback.
	 * @param eventId the event
	 * @return the settings and the configuration
	 */
	public Mono<ResolvedConfig> resolve(String eventId) {
		return stored(eventId).map(this::decrypted)
			.zipWith(this.directory.conference(eventId)
				.map((conference) -> java.util.Optional.ofNullable(conference.sender()))
				.defaultIfEmpty(java.util.Optional.empty()))
			.map((pair) -> {
				NotificationConfig config = pair.getT1();
				var conferenceSender = pair.getT2().orElse(null);
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
					smtp = new ChannelSettings.SmtpServer(s.host(),
							(s.port() != null) ? s.port() : (s.secure() ? 465 : 587), s.secure(), s.startTls(),
							s.username(), s.password());
				}
				NotificationConfig.SmsCredentials twilio = config.sms().providers().get("twilio");
				ChannelSettings.TwilioAccount sms = (twilio != null)
						? new ChannelSettings.TwilioAccount(twilio.accountSid(), twilio.authToken(),
								twilio.fromNumber(), twilio.messagingServiceSid())
						: null;
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
						email.footerText(), sms, whatsapp));
			});
	}

	Mono<List<ConnectionCheck>> testConnection(String eventId, String channel) {
		return resolve(eventId).flatMap((resolved) -> Flux.fromIterable(List.of("email", "sms", "whatsapp"))
			.filter((name) -> channel == null || channel.equals(name))
			.filter((name) -> channel != null || "email".equals(name) || resolved.enabled(name))
			.concatMap((name) -> this.channels.get(name).check(resolved.settings()))
			.collectList());
	}

	/**
	 * A decrypted configuration with the channel settings derived from it.
	 *
	 * @param config the configuration
	 * @param settings the channel settings
	 */
	public record ResolvedConfig(NotificationConfig config, ChannelSettings settings) {

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

}
