package com.onsiteatlas.notification.trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.delivery.NotificationService;
import com.onsiteatlas.notification.delivery.RecipientFilter;
import com.onsiteatlas.notification.delivery.Recipients;
import com.onsiteatlas.notification.delivery.SendRequest;
import com.onsiteatlas.notification.template.NotificationTemplate;
import com.onsiteatlas.notification.template.TemplateService;
import com.onsiteatlas.support.web.ApiException;

/**
 * Runs triggers: turns a trigger and its audience into sends (one per active template and
 * registration on which its conditions hold) and hands them to delivery. Used by manual
 * sends, the scheduler and the event triggers.
 */
@Component
class TriggerRuns {

	private final TriggerQueries queries;

	private final TemplateService templates;

	private final NotificationService notifications;

	private final Recipients recipients;

	TriggerRuns(TriggerQueries queries, TemplateService templates, NotificationService notifications,
			Recipients recipients) {
		this.queries = queries;
		this.templates = templates;
		this.notifications = notifications;
		this.recipients = recipients;
	}

	/**
	 * Runs a trigger for explicit registrations or a filter, re-checking its conditions
	 * on each registration.
	 * @param trigger the trigger
	 * @param registrationIds explicit registrations, or null
	 * @param filter a filter when no ids are given
	 * @param sourceKey the cause (manual batch id or schedule occurrence id)
	 * @param source manual or scheduled
	 * @param data extra variables
	 * @return what was queued
	 */
	Mono<NotificationService.EnqueueResult> fanOut(NotificationTrigger trigger, List<String> registrationIds,
			RecipientFilter filter, String sourceKey, String source, Map<String, Object> data) {
		return this.notifications.enqueue(requests(trigger, registrationIds, filter, sourceKey, source, data));
	}

	/**
	 * The sends of a trigger for explicit registrations or a filter: one per active
	 * template and registration on which the trigger's conditions hold.
	 */
	Flux<SendRequest> requests(NotificationTrigger trigger, List<String> registrationIds, RecipientFilter filter,
			String sourceKey, String source, Map<String, Object> data) {
		return activeTemplates(trigger).flatMapMany((templates) -> this.recipients.conference(trigger.event())
			.flatMapMany((conference) -> this.recipients.registrations(trigger.event(), registrationIds, filter)
				.flatMapIterable((registration) -> {
					List<SendRequest> requests = new ArrayList<>();
					for (NotificationTemplate template : templates) {
						SendRequest request = this.recipients.request(registration, conference, template, trigger.id(),
								sourceKey, source, data);
						if (Conditions.all(trigger.conditions(), request.model())) {
							requests.add(request);
						}
					}
					return requests;
				})));
	}

	Mono<ManualSend> manual(String eventId, String id, ManualTriggerRequest request) {
		return manualTrigger(eventId, id, request).flatMap((trigger) -> {
			String batchId = "manual:" + UUID.randomUUID();
			return fanOut(trigger, request.registrationIds(), request.filter(), batchId, "manual", request.data())
				.map((result) -> new ManualSend(batchId, result));
		});
	}

	/**
	 * A manual trigger that may run: active, and given registrations or a filter.
	 * @param eventId the conference
	 * @param id the trigger
	 * @param request the audience
	 * @return the trigger, or a 409/400 error
	 */
	Mono<NotificationTrigger> manualTrigger(String eventId, String id, ManualTriggerRequest request) {
		return this.queries.get(eventId, id).flatMap((trigger) -> {
			if (!trigger.isActive()) {
				return Mono.error(ApiException.conflict("The trigger is inactive"));
			}
			if ((request.registrationIds() == null || request.registrationIds().isEmpty())
					&& request.filter() == null) {
				return Mono.error(
						ApiException.badRequest("Give registrationIds or a filter ({} for all active registrations)"));
			}
			return Mono.just(trigger);
		});
	}

	/**
	 * The active templates of a trigger (inactive or deleted ones are left out).
	 * @param trigger the trigger
	 * @return templates
	 */
	Mono<List<NotificationTemplate>> activeTemplates(NotificationTrigger trigger) {
		return Flux.fromIterable(trigger.templates())
			.concatMap((ref) -> this.templates.get(trigger.event(), ref.template()).onErrorResume((ex) -> Mono.empty()))
			.filter(NotificationTemplate::isActive)
			.collectList();
	}

	Mono<NotificationService.EnqueueResult> enqueue(Flux<SendRequest> requests) {
		return this.notifications.enqueue(requests);
	}

	/**
	 * A recorded manual send.
	 *
	 * @param batchId its batch, for {@code notifications/progress?batch=}
	 * @param result the counts
	 */
	record ManualSend(String batchId, NotificationService.EnqueueResult result) {
	}

}
