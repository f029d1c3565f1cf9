package com.onsiteatlas.notification.settings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Service;

import com.onsiteatlas.notification.audit.NotificationAuditAction;
import com.onsiteatlas.notification.channel.Channel;
import com.onsiteatlas.notification.channel.ConnectionCheck;
import com.onsiteatlas.support.audit.AuditLog;
import com.onsiteatlas.support.audit.AuditRecord;
import com.onsiteatlas.support.audit.ChangedFields;
import com.onsiteatlas.readmodel.Directory;

/**
 * Reads and writes the per-event configuration (the changes are {@link ConfigChanges},
 * the secrets {@link ConfigSecrets}), resolves it into what the channels need and tests
 * the connections.
 */
@Service
public class NotificationConfigService {

	/** Bookkeeping fields every save changes. */
	private static final java.util.Set<String> UNAUDITED_FIELDS = java.util.Set.of("_id", "id", "event", "createdBy",
			"updatedAt");

	private final NotificationConfigRepository configs;

	private final ConfigChanges changes;

	private final ConfigSecrets secrets;

	private final Directory directory;

	private final AuditLog audit;

	private final Map<String, Channel> channels = new HashMap<>();

	NotificationConfigService(NotificationConfigRepository configs, ConfigChanges changes, ConfigSecrets secrets,
			Directory directory, AuditLog audit, List<Channel> channels) {
		this.configs = configs;
		this.audit = audit;
		this.changes = changes;
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
		return this.configs.findById(eventId).defaultIfEmpty(NotificationConfig.defaults(eventId));
	}

	Mono<NotificationConfig> view(String eventId) {
		return stored(eventId).map(this.secrets::masked);
	}

	Mono<NotificationConfig> update(String eventId, ConfigRequest request, String userId) {
		// The destination checks resolve host names: off the event loop.
		return stored(eventId).publishOn(Schedulers.boundedElastic()).flatMap((current) -> {
			NotificationConfig changed = this.changes.merge(current, request, userId);
			return this.configs.save(changed).flatMap((saved) -> audited(current, saved));
		}).map(this.secrets::masked);
	}

	Mono<NotificationConfig> updateWhatsApp(String eventId, LegacyChannelConfig.WhatsApp request, String userId) {
		ConfigRequest.WhatsAppRequest whatsapp = new ConfigRequest.WhatsAppRequest(request.enabled(), null, null,
				request.phoneNumberId(), request.businessApiUrl(), request.apiToken(), request.webhookToken(), null,
				request.rateLimit(), request.templates());
		return update(eventId, new ConfigRequest(null, whatsapp, null, null, null), userId);
	}

	Mono<NotificationConfig> updateSms(String eventId, LegacyChannelConfig.Sms request, String userId) {
		return stored(eventId)
			.flatMap((current) -> this.configs.save(this.changes.mergeSms(eventId, current, request, userId))
				.flatMap((saved) -> audited(current, saved)))
			.map(this.secrets::masked);
	}

	/**
	 * Records which fields a change touched, when it touched any: their paths only, so a
	 * new secret shows as changed without its value (stored or given).
	 */
	private Mono<NotificationConfig> audited(NotificationConfig before, NotificationConfig after) {
		List<String> fields = ChangedFields.between(before, after, UNAUDITED_FIELDS);
		if (fields.isEmpty()) {
			return Mono.just(after);
		}
		return this.audit
			.record(new AuditRecord(after.event(), NotificationAuditAction.CHANNEL_SETTINGS_UPDATED,
					"notification-config", after.event(), fields.size() + " field(s) changed", fields))
			.thenReturn(after);
	}

	/**
	 * Removes the configuration of a deleted event.
	 * @param eventId the event
	 * @return completion
	 */
	public Mono<Void> deleteEvent(String eventId) {
		return this.configs.deleteById(eventId);
	}

	/**
	 * What the channels need for an event: its decrypted configuration with the
	 * conference's sender settings as fallback.
	 * @param eventId the event
	 * @return the settings and the configuration
	 */
	public Mono<ResolvedConfig> resolve(String eventId) {
		return stored(eventId).map(this.secrets::decrypted)
			.zipWith(this.directory.conference(eventId)
				.map((conference) -> Optional.ofNullable(conference.sender()))
				.defaultIfEmpty(Optional.empty()))
			.map((pair) -> ResolvedConfig.from(eventId, pair.getT1(), pair.getT2().orElse(null)));
	}

	Mono<List<ConnectionCheck>> testConnection(String eventId, String channel) {
		return resolve(eventId).flatMap((resolved) -> Flux.fromIterable(List.of("email", "sms", "whatsapp"))
			.filter((name) -> channel == null || channel.equals(name))
			.filter((name) -> channel != null || "email".equals(name) || resolved.enabled(name))
			.concatMap((name) -> this.channels.get(name).check(resolved.settings()))
			.collectList());
	}

}
