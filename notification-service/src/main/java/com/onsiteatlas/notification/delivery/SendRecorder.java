package com.onsiteatlas.notification.delivery;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.delivery.NotificationService.EnqueueResult;
import com.onsiteatlas.notification.settings.NotificationConfig;
import com.onsiteatlas.notification.settings.NotificationConfigService;
import com.onsiteatlas.readmodel.Directory;

/**
 * Records sends: insert-then-dispatch. The unique {@code dedupKey} makes a second request
 * for the same (cause, trigger, recipient, channel) a no-op, whatever replica or replay
 * it comes from.
 */
@Component
class SendRecorder {

	private static final Logger logger = LoggerFactory.getLogger(SendRecorder.class);

	/**
	 * Notifications inserted per bulk write when a send is recorded, and about the most
	 * the recording holds at once: it asks its source for the next chunk only when the
	 * one before is being stored.
	 */
	static final int CHUNK = 500;

	private final NotificationRepository notifications;

	private final NotificationBuilder builder;

	private final NotificationConfigService configs;

	private final Dispatcher dispatcher;

	private final Directory directory;

	SendRecorder(NotificationRepository notifications, NotificationBuilder builder, NotificationConfigService configs,
			Dispatcher dispatcher, Directory directory) {
		this.notifications = notifications;
		this.builder = builder;
		this.configs = configs;
		this.dispatcher = dispatcher;
		this.directory = directory;
	}

	/**
	 * Records sends as pending notifications (or skipped/failed ones when they cannot be
	 * sent) and wakes the dispatcher. Requests already recorded are counted as
	 * duplicates. Phone numbers are recorded in E.164, national ones read in the
	 * conference's country. The sends are taken from the given stream with bounded demand
	 * and stored chunk by chunk ({@link #CHUNK}), so a stream from the store (a bulk send
	 * to a whole conference) is never held whole.
	 * @param requests the sends
	 * @return what happened
	 */
	Mono<EnqueueResult> enqueue(Flux<SendRequest> requests) {
		Map<String, Mono<EventSettings>> settingsByEvent = new ConcurrentHashMap<>();
		return requests
			.concatMap((request) -> settingsByEvent.computeIfAbsent(request.eventId(), this::settings)
				.map((settings) -> this.builder.build(request, settings.config(), settings.region())))
			.buffer(CHUNK)
			// One chunk waits while one is stored: the default prefetch (32 chunks) would
			// read 16,000 sends ahead of a slow store.
			.concatMap(this::record, 1)
			.reduce(new EnqueueResult(0, 0, 0), EnqueueResult::plus)
			.doOnSuccess((result) -> {
				if (result != null && result.queued() > 0) {
					this.dispatcher.nudge();
				}
			});
	}

	/**
	 * Inserts a batch in one unordered bulk write: a notification already recorded (same
	 * dedup key) is a duplicate and does not stop the others.
	 */
	private Mono<EnqueueResult> record(List<Notification> batch) {
		return this.notifications.insertSkippingDuplicates(batch).map((duplicates) -> {
			if (!duplicates.isEmpty()) {
				logger.debug("{} of {} already recorded", duplicates.size(), batch.size());
			}
			int queued = 0;
			int skipped = 0;
			for (int i = 0; i < batch.size(); i++) {
				if (duplicates.contains(i)) {
					continue;
				}
				if (batch.get(i).status() == NotificationStatus.PENDING) {
					queued++;
				}
				else {
					skipped++;
				}
			}
			return new EnqueueResult(queued, duplicates.size(), skipped);
		});
	}

	private Mono<EventSettings> settings(String eventId) {
		Mono<String> region = this.directory.conference(eventId)
			.map(PhoneNumbers::region)
			.defaultIfEmpty(PhoneNumbers.UNKNOWN);
		return this.configs.stored(eventId).zipWith(region, EventSettings::new).cache();
	}

	/**
	 * What recording the sends of an event needs to know about it.
	 *
	 * @param config its notification configuration
	 * @param region its country, for national phone numbers
	 */
	private record EventSettings(NotificationConfig config, String region) {
	}

}
