package com.onsiteatlas.notification.settings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.onsiteatlas.notification.channel.Channel;
import com.onsiteatlas.notification.channel.ConnectionCheck;
import com.onsiteatlas.support.projection.Directory;

/**
 * Reads and writes the per-event configuration (the changes are {@link ConfigChanges},
 * the secrets {@link ConfigSecrets}), resolves it into what the channels need and tests
 * the connections.
 */
@Service
public class NotificationConfigService {

	private final ReactiveMongoTemplate mongo;

	private final ConfigChanges changes;

	private final ConfigSecrets secrets;

	private final Directory directory;

	private final Map<String, Channel> channels = new HashMap<>();

	NotificationConfigService(ReactiveMongoTemplate mongo, ConfigChanges changes, ConfigSecrets secrets,
			Directory directory, List<Channel> channels) {
		this.mongo = mongo;
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
		return this.mongo.findById(eventId, NotificationConfig.class)
			.defaultIfEmpty(NotificationConfig.defaults(eventId));
	}

	Mono<NotificationConfig> view(String eventId) {
		return stored(eventId).map(this.secrets::masked);
	}

	Mono<NotificationConfig> update(String eventId, ConfigRequest request, String userId) {
		// The destination checks resolve host names: off the event loop.
		return stored(eventId).publishOn(Schedulers.boundedElastic()).flatMap((current) -> {
			NotificationConfig changed = this.changes.merge(current, request, userId);
			return this.mongo.save(changed);
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
			.flatMap((current) -> this.mongo.save(this.changes.mergeSms(eventId, current, request, userId)))
			.map(this.secrets::masked);
	}

	/**
	 * Removes the configuration of a deleted event.
	 * @param eventId the event
	 * @return completion
	 */
	public Mono<Void> deleteEvent(String eventId) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(eventId)), NotificationConfig.class).then();
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
