package com.onsiteatlas.notification.trigger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import com.onsiteatlas.notification.audit.NotificationAuditAction;
import com.onsiteatlas.support.audit.AuditLog;
import com.onsiteatlas.support.audit.AuditRecord;
import com.onsiteatlas.support.audit.ChangedFields;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * Creates, changes and deletes triggers: builds the trigger a request describes, has
 * {@link TriggerValidation} check it, works out the next run of a scheduled one and
 * stores it. Reading them is {@link TriggerQueries}; running them {@link TriggerRuns}.
 */
@Service
public class TriggerService {

	private final NotificationTriggerRepository triggers;

	private final TriggerOccurrenceRepository occurrences;

	private final TriggerQueries queries;

	private final TriggerValidation validation;

	/** Bookkeeping fields every save changes. */
	private static final java.util.Set<String> UNAUDITED_FIELDS = java.util.Set.of("_id", "id", "updatedAt",
			"nextRunAt", "lastRunAt");

	private final Clock clock;

	private final AuditLog audit;

	TriggerService(NotificationTriggerRepository triggers, TriggerOccurrenceRepository occurrences,
			TriggerQueries queries, TriggerValidation validation, Clock clock, AuditLog audit) {
		this.triggers = triggers;
		this.occurrences = occurrences;
		this.audit = audit;
		this.queries = queries;
		this.validation = validation;
		this.clock = clock;
	}

	Mono<NotificationTrigger> create(String eventId, TriggerRequest request, String userId) {
		Instant now = this.clock.instant();
		NotificationTrigger trigger = new NotificationTrigger(new ObjectId().toHexString(), eventId, request.name(),
				request.description(), request.triggerType(), request.eventType(), schedule(request.schedule()),
				conditions(request.conditions()), templateRefs(request.templates()),
				request.isActive() == null || request.isActive(), userId, now, now, null, null);
		return this.validation.validate(trigger)
			.flatMap(this::withNextRun)
			.flatMap(this.triggers::insert)
			.flatMap((saved) -> audited(AuditRecord.of(eventId, NotificationAuditAction.TRIGGER_CREATED, "trigger",
					saved.id(), describe(saved)), saved));
	}

	Mono<NotificationTrigger> update(String eventId, String id, TriggerRequest request) {
		return this.queries.get(eventId, id).flatMap((current) -> {
			NotificationTrigger changed = new NotificationTrigger(current.id(), current.event(),
					or(request.name(), current.name()), or(request.description(), current.description()),
					or(request.triggerType(), current.triggerType()), or(request.eventType(), current.eventType()),
					(request.schedule() != null) ? schedule(request.schedule()) : current.schedule(),
					(request.conditions() != null) ? conditions(request.conditions()) : current.conditions(),
					(request.templates() != null) ? templateRefs(request.templates()) : current.templates(),
					or(request.isActive(), current.isActive()), current.createdBy(), current.createdAt(),
					this.clock.instant(), null, current.lastRunAt());
			return this.validation.validate(changed)
				.flatMap(this::withNextRun)
				.flatMap(this.triggers::save)
				.flatMap(
						(saved) -> audited(
								new AuditRecord(eventId, NotificationAuditAction.TRIGGER_UPDATED, "trigger", saved.id(),
										describe(saved), ChangedFields.between(current, saved, UNAUDITED_FIELDS)),
								saved));
		});
	}

	private Mono<NotificationTrigger> audited(AuditRecord record, NotificationTrigger trigger) {
		return this.audit.record(record).thenReturn(trigger);
	}

	private static String describe(NotificationTrigger trigger) {
		return "trigger '" + trigger.name() + "'" + (trigger.isActive() ? " (active)" : " (inactive)");
	}

	/**
	 * A trigger of an event, empty when there is none.
	 * @param eventId the conference
	 * @param id the trigger id
	 * @return the trigger
	 */
	public Mono<NotificationTrigger> find(String eventId, String id) {
		return this.queries.get(eventId, id).onErrorResume(ApiException.class, (ex) -> Mono.empty());
	}

	/**
	 * Stores a trigger under an id its caller derives (the ONSITE ATLAS import): creates
	 * it as given, or replaces what it does in the one stored under that id while keeping
	 * that one's active flag, creator and last run, so importing again never switches on
	 * or off what an organiser activated.
	 * @param trigger the trigger, with the active flag a new one gets
	 * @return the stored trigger
	 */
	public Mono<NotificationTrigger> store(NotificationTrigger trigger) {
		return find(trigger.event(), trigger.id()).map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.empty())
			.flatMap((current) -> {
				Instant now = this.clock.instant();
				NotificationTrigger stored = new NotificationTrigger(trigger.id(), trigger.event(), trigger.name(),
						trigger.description(), trigger.triggerType(), trigger.eventType(), trigger.schedule(),
						trigger.conditions(), trigger.templates(),
						current.map(NotificationTrigger::isActive).orElse(trigger.isActive()),
						current.map(NotificationTrigger::createdBy).orElse(trigger.createdBy()),
						current.map(NotificationTrigger::createdAt).orElse(now), now, null,
						current.map(NotificationTrigger::lastRunAt).orElse(null));
				return this.validation.validate(stored).flatMap(this::withNextRun).flatMap(this.triggers::save);
			});
	}

	/**
	 * Switches a trigger on, with the checks of an update (its templates must still be
	 * the event's; a one-time schedule must lie ahead).
	 * @param eventId the conference
	 * @param id the trigger id
	 * @return the active trigger, or a 404 or 400 error
	 */
	public Mono<NotificationTrigger> activate(String eventId, String id) {
		return this.queries.get(eventId, id).flatMap((current) -> {
			NotificationTrigger active = new NotificationTrigger(current.id(), current.event(), current.name(),
					current.description(), current.triggerType(), current.eventType(), current.schedule(),
					current.conditions(), current.templates(), true, current.createdBy(), current.createdAt(),
					this.clock.instant(), null, current.lastRunAt());
			return this.validation.validate(active)
				.flatMap(this::withNextRun)
				.flatMap(this.triggers::save)
				.flatMap((saved) -> audited(AuditRecord.of(eventId, NotificationAuditAction.TRIGGER_ACTIVATED,
						"trigger", saved.id(), describe(saved)), saved));
		});
	}

	Mono<Void> delete(String eventId, String id) {
		return this.queries.get(eventId, id)
			.flatMap((trigger) -> this.triggers.delete(trigger)
				.then(this.audit.record(AuditRecord.of(eventId, NotificationAuditAction.TRIGGER_DELETED, "trigger",
						trigger.id(), describe(trigger)))))
			.then();
	}

	/**
	 * Removes every trigger of a deleted event.
	 * @param eventId the conference
	 * @return completion
	 */
	public Mono<Void> deleteEvent(String eventId) {
		return this.triggers.removeAllOfEvent(eventId).then(this.occurrences.removeAllOfEvent(eventId));
	}

	private Mono<NotificationTrigger> withNextRun(NotificationTrigger trigger) {
		if (!"scheduled".equals(trigger.triggerType()) || !trigger.isActive()) {
			return Mono.just(trigger);
		}
		return this.queries.zone(trigger.event()).map((zone) -> {
			Instant next = Schedules.next(trigger.schedule(), zone, this.clock.instant());
			if (next == null && "one-time".equals(trigger.schedule().type())) {
				throw ApiException.badRequest("The one-time schedule is in the past");
			}
			return new NotificationTrigger(trigger.id(), trigger.event(), trigger.name(), trigger.description(),
					trigger.triggerType(), trigger.eventType(), trigger.schedule(), trigger.conditions(),
					trigger.templates(), trigger.isActive(), trigger.createdBy(), trigger.createdAt(),
					trigger.updatedAt(), next, trigger.lastRunAt());
		});
	}

	private static NotificationTrigger.Schedule schedule(TriggerRequest.ScheduleRequest request) {
		if (request == null) {
			return null;
		}
		NotificationTrigger.Recurring recurring = (request.recurring() != null)
				? new NotificationTrigger.Recurring(request.recurring().frequency(), request.recurring().daysOfWeek(),
						request.recurring().dayOfMonth())
				: null;
		String date = (request.date() != null) ? request.date().substring(0, 10) : null;
		if (date != null) {
			try {
				java.time.LocalDate.parse(date);
			}
			catch (java.time.format.DateTimeParseException ex) {
				throw ApiException.badRequest("'schedule.date' is not a valid date");
			}
		}
		return new NotificationTrigger.Schedule(request.type(), date, request.time(), recurring);
	}

	private static List<NotificationTrigger.Condition> conditions(List<TriggerRequest.ConditionRequest> requests) {
		return (requests != null) ? requests.stream()
			.map((c) -> new NotificationTrigger.Condition(c.field(), c.operator(), c.value()))
			.toList() : List.of();
	}

	private static List<NotificationTrigger.TemplateRef> templateRefs(
			List<TriggerRequest.TemplateRefRequest> requests) {
		return (requests != null) ? requests.stream()
			.map((t) -> new NotificationTrigger.TemplateRef(t.channel(), ObjectIds.require(t.template(), "template")))
			.toList() : List.of();
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
