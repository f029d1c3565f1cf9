package com.onsiteatlas.notification.delivery;

import java.time.Clock;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.support.web.ApiException;

/**
 * Changes the status of recorded notifications outside the dispatcher: a resend of a
 * failed one, the cancellation of what is pending for a cancelled registration, and the
 * removal of a deleted event's log. The legal transitions are
 * {@link NotificationStatus#canBecome(NotificationStatus)}.
 */
@Component
class NotificationStatusChanges {

	private final NotificationRepository notifications;

	private final WhatsAppSessionRepository sessions;

	private final NotificationQueries queries;

	private final Dispatcher dispatcher;

	private final OptOuts optOuts;

	private final Clock clock;

	NotificationStatusChanges(NotificationRepository notifications, WhatsAppSessionRepository sessions,
			NotificationQueries queries, Dispatcher dispatcher, OptOuts optOuts, Clock clock) {
		this.notifications = notifications;
		this.sessions = sessions;
		this.queries = queries;
		this.dispatcher = dispatcher;
		this.optOuts = optOuts;
		this.clock = clock;
	}

	Mono<Notification> resend(String eventId, String id) {
		return this.queries.get(eventId, id).flatMap((current) -> {
			if (!current.status().canBecome(NotificationStatus.PENDING)) {
				return Mono.error(ApiException
					.conflict("Only failed notifications can be resent; this one is " + current.status().value()));
			}
			if (current.content() == null) {
				return Mono.error(ApiException.conflict("This notification has no content to resend ("
						+ current.errorMessage() + "); fix the template and send again"));
			}
			return this.notifications.resendIfAllowed(id, this.clock.instant())
				.switchIfEmpty(Mono.error(() -> ApiException.conflict("The notification changed meanwhile")))
				.doOnNext((saved) -> this.dispatcher.nudge());
		});
	}

	/**
	 * Cancels what is still pending for a registration (it was cancelled), except what
	 * the cancellation itself caused (a cancellation notice).
	 * @param eventId the conference
	 * @param registration the registration {@code _id}
	 * @param causeId the envelope id of the registration-cancelled event
	 * @return number cancelled
	 */
	Mono<Long> cancelForRegistration(String eventId, String registration, String causeId) {
		return this.notifications.cancelOfRegistrationExceptCause(eventId, registration, causeId, this.clock.instant());
	}

	/**
	 * Cancels pending sends of a deleted event and removes its log, opt-outs and WhatsApp
	 * sessions.
	 * @param eventId the conference
	 * @return number removed
	 */
	Mono<Long> deleteEvent(String eventId) {
		return this.notifications.cancelAllOfEvent(eventId)
			.then(this.optOuts.deleteEvent(eventId))
			.then(this.sessions.removeAllOfEvent(eventId))
			.then(this.notifications.removeAllOfEvent(eventId));
	}

}
