package com.onsiteatlas.notification.cleanup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.registration.RegistrationCancelled;
import com.onsiteatlas.notification.delivery.NotificationService;
import com.onsiteatlas.support.messaging.DomainEventListener;

/**
 * registration-cancelled cancels the registration's pending sends; it is idempotent.
 * Processed envelopes stay remembered under the name "Cleanup", as before this was a
 * method. event-deleted no longer removes anything at once: it leaves a tombstone
 * (service-support's retention) and {@link DeletedEventPurge} removes the data after the
 * retention window.
 */
@Component
class CleanupListeners {

	private static final Logger logger = LoggerFactory.getLogger(CleanupListeners.class);

	private final NotificationService notifications;

	CleanupListeners(NotificationService notifications) {
		this.notifications = notifications;
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

}
