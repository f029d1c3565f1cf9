package com.onsiteatlas.notification.delivery;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Records the notifications of a bulk send ({@code notifications/send}) independently of
 * the request that asked for it. The caller waits for the exact counts only for a short
 * while: a 10,000-recipient send takes longer to record than the gateway waits (15 s),
 * and a caller that goes away (gateway timeout, closed browser) used to cancel the
 * recording halfway, leaving part of the audience without a message and a retry sending
 * the other part twice.
 */
@Component
class BulkSends {

	private static final Logger logger = LoggerFactory.getLogger(BulkSends.class);

	private final NotificationService notifications;

	BulkSends(NotificationService notifications) {
		this.notifications = notifications;
	}

	/**
	 * Records the sends; the whole batch is recorded whatever happens to the caller.
	 * @param requests the sends (the audience as it was when the request arrived)
	 * @param batchId the batch, for the log
	 * @param answerWithin how long to wait for the exact counts before answering with the
	 * number of sends accepted
	 * @return the counts, or the accepted count with {@code recording} set
	 */
	Mono<Answer> record(List<SendRequest> requests, String batchId, Duration answerWithin) {
		Mono<NotificationService.EnqueueResult> recording = this.notifications.enqueue(Flux.fromIterable(requests))
			.cache();
		// Detached on purpose: the recording must not be cancelled with the request.
		recording.subscribe(
				(result) -> logger.info("Send {}: {} notification(s) queued, {} duplicate(s), {} skipped", batchId,
						result.queued(), result.duplicates(), result.skipped()),
				(ex) -> logger.error("Send {} was not recorded completely: {}", batchId, ex.toString()));
		return recording.map((result) -> new Answer(result.queued(), result.duplicates(), result.skipped(), false))
			.timeout(answerWithin, Mono.just(new Answer(requests.size(), 0, 0, true)));
	}

	/**
	 * What the caller is told.
	 *
	 * @param queued notifications queued, or accepted while {@code recording}
	 * @param duplicates already recorded
	 * @param skipped recorded as skipped (no address, channel disabled)
	 * @param recording whether recording still runs (the log shows the outcome)
	 */
	record Answer(int queued, int duplicates, int skipped, boolean recording) {
	}

}
