package com.onsiteatlas.notification.cleanup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.cutover.LegacyCutoverService;
import com.onsiteatlas.notification.delivery.NotificationService;
import com.onsiteatlas.notification.settings.NotificationConfigService;
import com.onsiteatlas.notification.template.TemplateService;
import com.onsiteatlas.notification.trigger.TriggerService;
import com.onsiteatlas.support.retention.ConferencePurge;

/**
 * Removes a deleted conference's notification data once its retention window ended:
 * cancels its pending sends and removes its templates, triggers, configuration, log,
 * opt-outs and ONSITE ATLAS cutover record (what event-deleted removed at once before).
 * Idempotent.
 */
@Component
class DeletedEventPurge implements ConferencePurge {

	private static final Logger logger = LoggerFactory.getLogger(DeletedEventPurge.class);

	private final NotificationService notifications;

	private final TemplateService templates;

	private final TriggerService triggers;

	private final NotificationConfigService configs;

	private final LegacyCutoverService cutovers;

	DeletedEventPurge(NotificationService notifications, TemplateService templates, TriggerService triggers,
			NotificationConfigService configs, LegacyCutoverService cutovers) {
		this.notifications = notifications;
		this.templates = templates;
		this.triggers = triggers;
		this.configs = configs;
		this.cutovers = cutovers;
	}

	@Override
	public Mono<Void> purge(String eventId) {
		return this.triggers.deleteEvent(eventId)
			.then(this.notifications.deleteEvent(eventId))
			.then(this.templates.deleteEvent(eventId))
			.then(this.configs.deleteEvent(eventId))
			.then(this.cutovers.deleteEvent(eventId))
			.then(Mono.fromRunnable(() -> logger.info("Removed the notification data of event {}", eventId)));
	}

}
