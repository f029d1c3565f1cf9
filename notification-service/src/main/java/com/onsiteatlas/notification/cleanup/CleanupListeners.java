package com.onsiteatlas.notification.cleanup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.conference.EventDeleted;
import com.onsiteatlas.domainevents.registration.RegistrationCancelled;
import com.onsiteatlas.notification.cutover.LegacyCutoverService;
import com.onsiteatlas.notification.delivery.NotificationService;
import com.onsiteatlas.notification.settings.NotificationConfigService;
import com.onsiteatlas.notification.template.TemplateService;
import com.onsiteatlas.notification.trigger.TriggerService;
import com.onsiteatlas.support.messaging.DomainEventListener;

/**
 * registration-cancelled cancels the registration's pending sends; event-deleted cancels
 * the event's pending sends and removes its templates, triggers, configuration, log,
 * opt-outs and ONSITE ATLAS cutover record. Both are idempotent. Processed envelopes stay
 * remembered under the name "Cleanup", as before these were methods.
 */
@Component
class CleanupListeners {

	private static final Logger logger = LoggerFactory.getLogger(CleanupListeners.class);

	private final NotificationService notifications;

	private final TemplateService templates;

	private final TriggerService triggers;

	private final NotificationConfigService configs;

	private final LegacyCutoverService cutovers;

	CleanupListeners(NotificationService notifications, TemplateService templates, TriggerService triggers,
			NotificationConfigService configs, LegacyCutoverService cutovers) {
		this.notifications = notifications;
		this.templates = templates;
		this.triggers = triggers;
		this.configs = configs;
		this.cutovers = cutovers;
	}

	@DomainEventListener(name = "Cleanup")
	Mono<Void> onRegistrationCancelled(EventEnvelope<RegistrationCancelled> envelope) {
		return this.notifications
			.cancelForRegistration(envelope.data().event().id(), envelope.data().registration().id(), envelope.id())
			.doOnNext((count) -> {
				if (count > 0) {
					logger.info("Cancelled {} pending notification(s) of registration {}", count,
							envelope.data().registration().id());
				}
			})
			.then();
	}

	@DomainEventListener(name = "Cleanup")
	Mono<Void> onEventDeleted(EventDeleted deleted) {
		String eventId = deleted.eventId();
		return this.triggers.deleteEvent(eventId)
			.then(this.notifications.deleteEvent(eventId))
			.then(this.templates.deleteEvent(eventId))
			.then(this.configs.deleteEvent(eventId))
			.then(this.cutovers.deleteEvent(eventId))
			.then(Mono.fromRunnable(() -> logger.info("Removed the notification data of event {}", eventId)));
	}

}
