package com.onsiteatlas.notification.delivery;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * What the delivery feature offers the other features: recording sends
 * ({@link SendRecorder}), what waits on a channel ({@link NotificationQueries}) and the
 * cancellations that follow a cancelled registration or a deleted event
 * ({@link NotificationStatusChanges}).
 */
@Service
public class NotificationService {

	private final SendRecorder recorder;

	private final NotificationQueries queries;

	private final NotificationStatusChanges changes;

	NotificationService(SendRecorder recorder, NotificationQueries queries, NotificationStatusChanges changes) {
		this.recorder = recorder;
		this.queries = queries;
		this.changes = changes;
	}

	/**
	 * Records sends as pending notifications (or skipped/failed ones when they cannot be
	 * sent) and wakes the dispatcher. Requests already recorded are counted as
	 * duplicates. Phone numbers are recorded in E.164, national ones read in the
	 * conference's country.
	 * @param requests the sends
	 * @return what happened
	 */
	public Mono<EnqueueResult> enqueue(Flux<SendRequest> requests) {
		return this.recorder.enqueue(requests);
	}

	/**
	 * How many notifications wait to be sent on a channel, all events together (the
	 * channel's pacing is per instance, not per event).
	 * @param channel email, sms or whatsapp
	 * @return pending notifications
	 */
	public Mono<Long> pendingCount(String channel) {
		return this.queries.pendingCount(channel);
	}

	/**
	 * Cancels what is still pending for a registration (it was cancelled), except what
	 * the cancellation itself caused (a cancellation notice).
	 * @param eventId the conference
	 * @param registration the registration {@code _id}
	 * @param causeId the envelope id of the registration-cancelled event
	 * @return number cancelled
	 */
	public Mono<Long> cancelForRegistration(String eventId, String registration, String causeId) {
		return this.changes.cancelForRegistration(eventId, registration, causeId);
	}

	/**
	 * Cancels pending sends of a deleted event and removes its log, opt-outs and WhatsApp
	 * sessions.
	 * @param eventId the conference
	 * @return number removed
	 */
	public Mono<Long> deleteEvent(String eventId) {
		return this.changes.deleteEvent(eventId);
	}

	/**
	 * The outcome of an enqueue.
	 *
	 * @param queued recorded as pending
	 * @param duplicates already recorded before
	 * @param skipped recorded as skipped or failed (no address, channel off, template
	 * error)
	 */
	public record EnqueueResult(int queued, int duplicates, int skipped) {

		EnqueueResult plus(EnqueueResult other) {
			return new EnqueueResult(this.queued + other.queued, this.duplicates + other.duplicates,
					this.skipped + other.skipped);
		}

	}

}
