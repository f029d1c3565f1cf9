package com.onsiteatlas.notification.delivery;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.support.web.ApiException;

/**
 * The live progress of bulk sends ({@code notifications/send}, manual triggers, schedule
 * occurrences): how many of a batch's notifications are still pending, sent, failed,
 * skipped or cancelled. A batch is the cause part of the notifications' unique key
 * ({@code send:<uuid>}, {@code manual:<uuid>}, {@code <triggerId>@<instant>}), so no
 * extra bookkeeping is written while sending. The notifications are read through
 * {@link NotificationQueries}.
 */
@Component
class SendProgress {

	private static final Pattern BATCH = Pattern.compile("[A-Za-z0-9:@._+-]{1,120}");

	private static final List<String> BULK = List.of("send", "manual", "scheduled");

	private final NotificationQueries notifications;

	SendProgress(NotificationQueries notifications) {
		this.notifications = notifications;
	}

	/**
	 * One batch, or every bulk batch of the event that still has pending notifications
	 * (at most 20, newest first).
	 * @param eventId the conference
	 * @param batch a batch id ({@link #batch(String)}), or null for the running ones
	 * @return progress
	 */
	Mono<List<Progress>> find(String eventId, String batch) {
		if (batch != null) {
			return of(eventId, batch).map(List::of);
		}
		return this.notifications.pendingDedupKeys(eventId)
			.map(SendProgress::batchOf)
			.filter((key) -> !key.isEmpty())
			.distinct()
			.take(20)
			.concatMap((key) -> of(eventId, key))
			.filter((progress) -> BULK.contains(progress.source()))
			.collectSortedList(
					Comparator.comparing(Progress::startedAt, Comparator.nullsLast(Comparator.reverseOrder())));
	}

	private Mono<Progress> of(String eventId, String batch) {
		return this.notifications.batch(eventId, batch).collectList().map((entries) -> {
			Map<String, Integer> byStatus = new LinkedHashMap<>();
			for (NotificationStatus status : NotificationStatus.values()) {
				byStatus.put(status.value(), 0);
			}
			Map<String, Integer> byChannel = new LinkedHashMap<>();
			Instant started = null;
			Instant last = null;
			String trigger = null;
			String source = null;
			for (NotificationQueries.BatchEntry entry : entries) {
				byStatus.merge(String.valueOf(entry.status()), 1, Integer::sum);
				byChannel.merge(String.valueOf(entry.channel()), 1, Integer::sum);
				Instant created = entry.createdAt();
				if (created != null && (started == null || created.isBefore(started))) {
					started = created;
				}
				Instant updated = entry.updatedAt();
				if (updated != null && (last == null || updated.isAfter(last))) {
					last = updated;
				}
				trigger = (trigger != null) ? trigger : entry.trigger();
				source = (source != null) ? source : entry.source();
			}
			int total = entries.size();
			int pending = byStatus.get(NotificationStatus.PENDING.value());
			return new Progress(batch, (source != null) ? source : "unknown", trigger, total, byStatus, byChannel,
					total - pending, total > 0 && pending == 0, started, last);
		});
	}

	/**
	 * The batch of a unique key: everything before the first {@code |}.
	 * @param dedupKey the key
	 * @return the batch
	 */
	static String batchOf(String dedupKey) {
		int bar = dedupKey.indexOf('|');
		return (bar > 0) ? dedupKey.substring(0, bar) : "";
	}

	/**
	 * A validated batch parameter.
	 * @param batch the parameter, may be null
	 * @return the batch or null
	 */
	static String batch(String batch) {
		if (batch == null || batch.isBlank()) {
			return null;
		}
		if (!BATCH.matcher(batch).matches()) {
			throw ApiException.badRequest("'batch' is not a batch id (send:..., manual:... or an occurrence)");
		}
		return batch;
	}

	/**
	 * A batch's progress.
	 *
	 * @param batchId the batch
	 * @param source send, manual, scheduled or event
	 * @param trigger the trigger, if any
	 * @param total notifications recorded so far
	 * @param byStatus per status
	 * @param byChannel per channel
	 * @param done notifications no longer pending
	 * @param finished whether nothing is pending any more
	 * @param startedAt first recorded
	 * @param updatedAt last change
	 */
	record Progress(String batchId, String source, String trigger, int total, Map<String, Integer> byStatus,
			Map<String, Integer> byChannel, int done, boolean finished, Instant startedAt, Instant updatedAt) {
	}

}
