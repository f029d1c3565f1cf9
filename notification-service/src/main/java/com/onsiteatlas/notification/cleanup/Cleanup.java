package com.onsiteatlas.notification.cleanup;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.onsiteatlas.domainevents.conference.EventDeleted;
import com.onsiteatlas.domainevents.registration.RegistrationCancelled;
import com.onsiteatlas.notification.delivery.NotificationService;
import com.onsiteatlas.notification.settings.NotificationConfigService;
import com.onsiteatlas.notification.template.TemplateService;
import com.onsiteatlas.notification.trigger.TriggerService;
import com.onsiteatlas.support.messaging.DomainEventHandler;
import com.onsiteatlas.support.messaging.DomainEventHandlers;

/**
 * registration-cancelled cancels the registration's pending sends; event-deleted cancels
 * the event's pending sends and removes its templates, triggers, configuration, log and
 * opt-outs. Both are idempotent.
 */
@Configuration(proxyBeanMethods = false)
class Cleanup {

	private static final Logger logger = LoggerFactory.getLogger(Cleanup.class);

	@Bean
	DomainEventHandlers cleanupHandlers(NotificationService notifications, TemplateService templates,
			TriggerService triggers, NotificationConfigService configs) {
		return new DomainEventHandlers(List
			.of(DomainEventHandler.of("Cleanup", RegistrationCancelled.class, (envelope) -> notifications
				.cancelForRegistration(envelope.data().event().id(), envelope.data().registration().id(), envelope.id())
				.doOnNext((count) -> {
					if (count > 0) {
						logger.info("Cancelled {} pending notification(s) of registration {}", count,
								envelope.data().registration().id());
					}
				})
				.then()), DomainEventHandler.of("Cleanup", EventDeleted.class, (envelope) -> {
					String eventId = envelope.data().eventId();
					return triggers.deleteEvent(eventId)
						.then(notifications.deleteEvent(eventId))
						.then(templates.deleteEvent(eventId))
						.then(configs.deleteEvent(eventId))
						.then(Mono
							.fromRunnable(() -> logger.info("Removed the notification data of event {}", eventId)));
				})));
	}

}
