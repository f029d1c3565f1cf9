package com.onsiteatlas.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.onsiteatlas.support.messaging.OutboxMessage;

/**
 * The notification queries and writes Spring Data cannot derive. Each write names its
 * guard: it changes a notification only while its status (or lease) is the one the change
 * starts from, so a late or concurrent writer changes nothing.
 */
interface NotificationRepositoryCustom {

	/**
	 * The ids of due, unleased pending notifications, in due order.
	 * @param now the current time
	 * @param limit how many at most
	 * @return their ids
	 */
	Flux<String> findDueIds(Instant now, int limit);

	/**
	 * Takes the leases of those of the given notifications that are still due and free,
	 * in one write, and reads back the ones this claim took (marked with the claim's id,
	 * so that leases the owner already holds from an earlier claim are not taken twice).
	 * @param ids the notifications
	 * @param now the current time
	 * @param owner the claiming instance
	 * @param leaseUntil when the leases expire
	 * @return the claimed notifications, in no particular order
	 */
	Flux<Notification> claimAllDue(List<String> ids, Instant now, String owner, Instant leaseUntil);

	/**
	 * Gives a lease back, on condition that the owner still holds it.
	 * @param id the notification
	 * @param owner the instance that claimed it
	 * @param nextAttemptAt when it is due again
	 * @return completion
	 */
	Mono<Void> releaseIfOwned(String id, String owner, Instant nextAttemptAt);

	/**
	 * Stores a final status (sent, failed or skipped) with its outbox entries, on
	 * condition that the notification's status may still become it; gives up the lease.
	 * @param id the notification
	 * @param outcome what became of it
	 * @param messages the domain events of the change (none for a skip)
	 * @return completion
	 */
	Mono<Void> finishIfAllowed(String id, FinalOutcome outcome, List<OutboxMessage> messages);

	/**
	 * Stores a failed attempt to be tried again later, on condition that the notification
	 * is still pending; gives up the lease.
	 * @param id the notification
	 * @param attempt the attempt that failed
	 * @param nextAttemptAt when it is tried again
	 * @param now the current time
	 * @return completion
	 */
	Mono<Void> retryIfStillPending(String id, Notification.Attempt attempt, Instant nextAttemptAt, Instant now);

	/**
	 * Stores a send the open breaker held back, without using up an attempt, on condition
	 * that the notification is still pending; gives up the lease.
	 * @param id the notification
	 * @param message why it waits
	 * @param nextAttemptAt when it is tried again
	 * @param now the current time
	 * @return completion
	 */
	Mono<Void> deferIfStillPending(String id, String message, Instant nextAttemptAt, Instant now);

	/**
	 * Makes a failed notification pending again, on condition that its status may still
	 * become pending.
	 * @param id the notification
	 * @param now the current time
	 * @return the notification as stored, empty when it changed meanwhile
	 */
	Mono<Notification> resendIfAllowed(String id, Instant now);

	/**
	 * Cancels what is still cancellable for a registration, except what one cause
	 * recorded.
	 * @param eventId the conference
	 * @param registration the registration {@code _id}
	 * @param causeId the cause whose notifications stay (their {@code dedupKey} prefix)
	 * @param now the current time
	 * @return the number cancelled
	 */
	Mono<Long> cancelOfRegistrationExceptCause(String eventId, String registration, String causeId, Instant now);

	/**
	 * Cancels what is still cancellable of a conference.
	 * @param eventId the conference
	 * @return completion
	 */
	Mono<Void> cancelAllOfEvent(String eventId);

	/**
	 * Removes a conference's notifications.
	 * @param eventId the conference
	 * @return the number removed
	 */
	Mono<Long> removeAllOfEvent(String eventId);

	/**
	 * Inserts notifications in one unordered bulk write: one already recorded (same
	 * {@code dedupKey}) does not stop the others.
	 * @param notifications the notifications
	 * @return the positions of those that were already recorded
	 */
	Mono<Set<Integer>> insertSkippingDuplicates(List<Notification> notifications);

	/**
	 * Records a provider's delivery report on a notification.
	 * @param id the notification
	 * @param deliveryStatus the provider's status
	 * @param errorCode the provider's error code, may be null
	 * @param now the current time
	 * @return completion
	 */
	Mono<Void> recordDeliveryStatus(String id, String deliveryStatus, String errorCode, Instant now);

	/**
	 * Records a provider's delivery report on the notification with a provider message
	 * id.
	 * @param eventId the conference
	 * @param providerMessageId the provider's message id
	 * @param deliveryStatus the provider's status
	 * @param now the current time
	 * @return completion
	 */
	Mono<Void> recordDeliveryStatusOfProviderMessage(String eventId, String providerMessageId, String deliveryStatus,
			Instant now);

	/**
	 * A final status and what goes with it.
	 *
	 * @param status sent, failed or skipped
	 * @param attemptCount the attempts made, this one included
	 * @param attempt the attempt to append, or null when nothing was attempted
	 * @param providerMessageId the provider's id when sent
	 * @param errorCode the error code otherwise
	 * @param errorMessage the error message otherwise
	 * @param at when
	 */
	record FinalOutcome(NotificationStatus status, int attemptCount, Notification.Attempt attempt,
			String providerMessageId, String errorCode, String errorMessage, Instant at) {
	}

}
