package com.onsiteatlas.notification.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.audit.NotificationAuditAction;
import com.onsiteatlas.notification.template.NotificationTemplate;
import com.onsiteatlas.notification.template.TemplateService;
import com.onsiteatlas.support.audit.AuditLog;
import com.onsiteatlas.support.audit.AuditRecord;
import com.onsiteatlas.support.web.ApiException;

/**
 * Bulk sends ({@code notifications/send}): every chosen template to every recipient,
 * explicit addresses or registrations (ids or a filter). The notifications are recorded
 * independently of the request that asked for them. The caller waits for the exact counts
 * only for a short while: a 10,000-recipient send takes longer to record than the gateway
 * waits (15 s), and a caller that goes away (gateway timeout, closed browser) used to
 * cancel the recording halfway, leaving part of the audience without a message and a
 * retry sending the other part twice. The audience is streamed from the read model into
 * the recording, which stores it in chunks ({@link SendRecorder#CHUNK}): it is counted up
 * front, never held whole in memory.
 */
@Component
class BulkSends {

	private static final Logger logger = LoggerFactory.getLogger(BulkSends.class);

	private final NotificationService notifications;

	private final TemplateService templates;

	private final Recipients recipients;

	private final AuditLog audit;

	private final Duration answerWithin;

	/**
	 * @param answerWithin how long {@code send} waits for the exact counts; well below
	 * the gateway's 15 s route timeout
	 */
	BulkSends(NotificationService notifications, TemplateService templates, Recipients recipients, AuditLog audit,
			@Value("${atlas.notification.send.answer-within:5s}") Duration answerWithin) {
		this.notifications = notifications;
		this.audit = audit;
		this.templates = templates;
		this.recipients = recipients;
		this.answerWithin = answerWithin;
	}

	/**
	 * Records a bulk send under a new batch id.
	 * @param eventId the conference
	 * @param request the templates, the audience and extra variables
	 * @return the batch and what the caller is told; a 400 when a template or the
	 * audience is missing or not of this event, before anything is recorded
	 */
	Mono<Sent> send(String eventId, SendNotificationRequest request) {
		// Each template id with the body field that holds it, for the refusal message.
		List<Map.Entry<String, String>> templateIds = new ArrayList<>();
		if (request.templateId() != null) {
			templateIds.add(Map.entry(request.templateId(), "templateId"));
		}
		if (request.templateIds() != null) {
			request.templateIds().forEach((id) -> templateIds.add(Map.entry(id, "templateIds")));
		}
		if (templateIds.isEmpty()) {
			throw ApiException.badRequest("templateId is required");
		}
		boolean noAudience = (request.registrationIds() == null || request.registrationIds().isEmpty())
				&& request.filter() == null && (request.recipients() == null || request.recipients().isEmpty());
		if (noAudience) {
			// An empty body must not mean "everyone": a bulk send to all registrations
			// needs an explicit (possibly empty) filter.
			throw ApiException
				.badRequest("Give registrationIds, a filter ({} for all active registrations) or recipients");
		}
		String batch = "send:" + UUID.randomUUID();
		return Flux.fromIterable(templateIds)
			.concatMap((id) -> this.templates.require(eventId, id.getKey(), id.getValue()))
			.collectList()
			.flatMap(
					(chosen) -> requests(eventId, request, chosen, batch)
						.flatMap((requests) -> this.audit
							.record(AuditRecord.of(eventId, NotificationAuditAction.BULK_SEND_REQUESTED, "bulk-send",
									batch, describe(requests, chosen)))
							.thenReturn(requests)))
			.flatMap((requests) -> record(requests.sends(), requests.count(), batch, this.answerWithin))
			.map((answer) -> new Sent(batch, answer));
	}

	private static String describe(Requests requests, List<NotificationTemplate> chosen) {
		return requests.count() + " message(s): " + (requests.count() / Math.max(1, chosen.size())) + " recipient(s) x "
				+ chosen.size() + " template(s) " + chosen.stream().map(NotificationTemplate::id).toList();
	}

	/**
	 * The sends of a bulk send, counted now and streamed when recorded: explicit
	 * addresses are in the request already; registrations come from the read model (an
	 * explicit list is checked whole first and capped, a filter is counted and then
	 * streamed).
	 */
	private Mono<Requests> requests(String eventId, SendNotificationRequest request, List<NotificationTemplate> chosen,
			String batch) {
		if (request.recipients() != null && !request.recipients().isEmpty()) {
			Flux<SendRequest> sends = Flux.fromIterable(request.recipients())
				.flatMapIterable((address) -> chosen.stream()
					.map((template) -> new SendRequest(eventId, null, null, null, template,
							(request.data() != null) ? request.data() : Map.of(),
							new Notification.Recipient(address.name(), address.email(), address.phone()), batch,
							"send"))
					.toList());
			return Mono.just(new Requests(sends, (long) request.recipients().size() * chosen.size()));
		}
		return this.recipients.audience(eventId, request.registrationIds(), request.filter())
			.map((audience) -> new Requests(this.recipients.conference(eventId)
				.flatMapMany((conference) -> audience.registrations()
					.flatMapIterable((registration) -> chosen.stream()
						.map((template) -> this.recipients.request(registration, conference, template, null, batch,
								"send", request.data()))
						.toList())),
					audience.size() * chosen.size()));
	}

	/**
	 * Records a list of sends; see {@link #record(Flux, long, String, Duration)}.
	 * @param requests the sends
	 * @param batchId the batch, for the log
	 * @param answerWithin how long to wait for the exact counts
	 * @return the counts, or the accepted count with {@code recording} set
	 */
	Mono<Answer> record(List<SendRequest> requests, String batchId, Duration answerWithin) {
		return record(Flux.fromIterable(requests), requests.size(), batchId, answerWithin);
	}

	/**
	 * Records the sends; the whole batch is recorded whatever happens to the caller.
	 * @param requests the sends, streamed into the recording
	 * @param accepted how many sends that is (the audience as counted when the request
	 * arrived), the answer when the exact counts take too long
	 * @param batchId the batch, for the log
	 * @param answerWithin how long to wait for the exact counts before answering with the
	 * number of sends accepted
	 * @return the counts, or the accepted count with {@code recording} set
	 */
	Mono<Answer> record(Flux<SendRequest> requests, long accepted, String batchId, Duration answerWithin) {
		Mono<NotificationService.EnqueueResult> recording = this.notifications.enqueue(requests).cache();
		// Detached on purpose: the recording must not be cancelled with the request.
		recording.subscribe(
				(result) -> logger.info("Send {}: {} notification(s) queued, {} duplicate(s), {} skipped", batchId,
						result.queued(), result.duplicates(), result.skipped()),
				(ex) -> logger.error("Send {} was not recorded completely: {}", batchId, ex.toString()));
		return recording.map((result) -> new Answer(result.queued(), result.duplicates(), result.skipped(), false))
			.timeout(answerWithin, Mono.just(new Answer((int) accepted, 0, 0, true)));
	}

	/**
	 * The sends of a bulk send.
	 *
	 * @param sends the sends, produced when subscribed
	 * @param count how many there are
	 */
	private record Requests(Flux<SendRequest> sends, long count) {
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

	/**
	 * A recorded (or still recording) bulk send.
	 *
	 * @param batchId its batch, for {@code notifications/progress?batch=}
	 * @param answer the counts
	 */
	record Sent(String batchId, Answer answer) {
	}

}
