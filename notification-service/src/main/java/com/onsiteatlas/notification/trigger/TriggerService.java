package com.onsiteatlas.notification.trigger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.onsiteatlas.notification.config.NotificationProperties;
import com.onsiteatlas.notification.delivery.NotificationService;
import com.onsiteatlas.notification.delivery.RecipientFilter;
import com.onsiteatlas.notification.delivery.Recipients;
import com.onsiteatlas.notification.delivery.SendRequest;
import com.onsiteatlas.notification.template.NotificationTemplate;
import com.onsiteatlas.notification.template.TemplateService;
import com.onsiteatlas.notification.template.TemplateVariables;
import com.onsiteatlas.support.paging.MongoPaging;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;
import com.onsiteatlas.support.projection.ConferenceView;
import com.onsiteatlas.support.projection.Directory;
import com.onsiteatlas.support.web.ApiError;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * Stores triggers and runs them: for a domain event, on schedule, or by hand.
 */
@Service
public class TriggerService {

	private final ReactiveMongoTemplate mongo;

	private final TemplateService templates;

	private final NotificationService notifications;

	private final Recipients recipients;

	private final Directory directory;

	private final NotificationProperties properties;

	private final Clock clock;

	TriggerService(ReactiveMongoTemplate mongo, TemplateService templates, NotificationService notifications,
			Recipients recipients, Directory directory, NotificationProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.mongo = mongo;
		this.templates = templates;
		this.notifications = notifications;
		this.recipients = recipients;
		this.directory = directory;
	}

	Mono<Paged<NotificationTrigger>> list(String eventId, String triggerType, String eventType, Boolean active,
			String search, PageQuery page) {
		Criteria criteria = Criteria.where("event").is(eventId);
		if (triggerType != null) {
			criteria.and("triggerType").is(triggerType);
		}
		if (eventType != null) {
			criteria.and("eventType").is(eventType);
		}
		if (active != null) {
			criteria.and("isActive").is(active);
		}
		if (search != null && !search.isBlank()) {
			criteria.and("name").regex(Pattern.quote(search.trim()), "i");
		}
		return MongoPaging.find(this.mongo, Query.query(criteria), NotificationTrigger.class, page);
	}

	Mono<NotificationTrigger> get(String eventId, String id) {
		ObjectIds.require(id, "id");
		return this.mongo
			.findOne(Query.query(Criteria.where("_id").is(id).and("event").is(eventId)), NotificationTrigger.class)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Notification trigger not found")));
	}

	Mono<NotificationTrigger> create(String eventId, TriggerRequest request, String userId) {
		Instant now = this.clock.instant();
		NotificationTrigger trigger = new NotificationTrigger(new ObjectId().toHexString(), eventId, request.name(),
				request.description(), request.triggerType(), request.eventType(), schedule(request.schedule()),
				conditions(request.conditions()), templateRefs(request.templates()),
				request.isActive() == null || request.isActive(), userId, now, now, null, null);
		return validate(trigger).flatMap(this::withNextRun).flatMap(this.mongo::insert);
	}

	Mono<NotificationTrigger> update(String eventId, String id, TriggerRequest request) {
		return get(eventId, id).flatMap((current) -> {
			NotificationTrigger changed = new NotificationTrigger(current.id(), current.event(),
					or(request.name(), current.name()), or(request.description(), current.description()),
					or(request.triggerType(), current.triggerType()), or(request.eventType(), current.eventType()),
					(request.schedule() != null) ? schedule(request.schedule()) : current.schedule(),
					(request.conditions() != null) ? conditions(request.conditions()) : current.conditions(),
					(request.templates() != null) ? templateRefs(request.templates()) : current.templates(),
					or(request.isActive(), current.isActive()), current.createdBy(), current.createdAt(),
					this.clock.instant(), null, current.lastRunAt());
			return validate(changed).flatMap(this::withNextRun).flatMap(this.mongo::save);
		});
	}

	Mono<Void> delete(String eventId, String id) {
		return get(eventId, id).flatMap(this.mongo::remove).then();
	}

	/**
	 * Removes every trigger of a deleted event.
	 * @param eventId the conference
	 * @return completion
	 */
	public Mono<Void> deleteEvent(String eventId) {
		return this.mongo.remove(Query.query(Criteria.where("event").is(eventId)), NotificationTrigger.class)
			.then(this.mongo.remove(Query.query(Criteria.where("event").is(eventId)), TriggerScheduler.OCCURRENCES))
			.then();
	}

	private Mono<NotificationTrigger> validate(NotificationTrigger trigger) {
		List<ApiError.FieldError> errors = new ArrayList<>();
		if (trigger.name() == null || trigger.name().isBlank()) {
			errors.add(new ApiError.FieldError("name", "is required"));
		}
		if (trigger.triggerType() == null) {
			errors.add(new ApiError.FieldError("triggerType", "is required"));
		}
		if ("event".equals(trigger.triggerType())
				&& (trigger.eventType() == null || !TemplateVariables.EVENT_TYPES.contains(trigger.eventType()))) {
			errors.add(new ApiError.FieldError("eventType",
					"must be one of " + String.join(", ", TemplateVariables.EVENT_TYPES)));
		}
		if ("scheduled".equals(trigger.triggerType())) {
			NotificationTrigger.Schedule schedule = trigger.schedule();
			if (schedule == null) {
				errors.add(new ApiError.FieldError("schedule", "is required for scheduled triggers"));
			}
			else if ("one-time".equals(schedule.type()) && schedule.date() == null) {
				errors.add(new ApiError.FieldError("schedule.date", "is required for one-time schedules"));
			}
			else if ("recurring".equals(schedule.type())) {
				NotificationTrigger.Recurring recurring = schedule.recurring();
				if (recurring == null) {
					errors.add(new ApiError.FieldError("schedule.recurring", "is required for recurring schedules"));
				}
				else if ("weekly".equals(recurring.frequency()) && recurring.daysOfWeek().isEmpty()) {
					errors.add(new ApiError.FieldError("schedule.recurring.daysOfWeek", "is required for weekly"));
				}
				else if ("monthly".equals(recurring.frequency()) && recurring.dayOfMonth() == null) {
					errors.add(new ApiError.FieldError("schedule.recurring.dayOfMonth", "is required for monthly"));
				}
			}
		}
		if (trigger.templates().isEmpty()) {
			errors.add(new ApiError.FieldError("templates", "needs at least one template"));
		}
		if (!errors.isEmpty()) {
			return Mono.error(ApiException.badRequest("The trigger is invalid", errors));
		}
		return Flux.fromIterable(trigger.templates())
			.concatMap((ref) -> this.templates.requireUsable(trigger.event(), ref.template(), ref.channel()))
			.then(Mono.just(trigger));
	}

	private Mono<NotificationTrigger> withNextRun(NotificationTrigger trigger) {
		if (!"scheduled".equals(trigger.triggerType()) || !trigger.isActive()) {
			return Mono.just(trigger);
		}
		return zone(trigger.event()).map((zone) -> {
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

	Mono<ZoneId> zone(String eventId) {
		return this.directory.conference(eventId).map(ConferenceView::zone).defaultIfEmpty(ZoneOffset.UTC);
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
	private Flux<SendRequest> requests(NotificationTrigger trigger, List<String> registrationIds,
			RecipientFilter filter, String sourceKey, String source, Map<String, Object> data) {
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
	 * What a manual trigger would send, without sending: the registrations it reaches,
	 * the notifications per channel (those without an address are recorded as skipped)
	 * and how long the dispatcher needs at the channel's pacing, counting what is already
	 * waiting on that channel.
	 * @param eventId the conference
	 * @param id the trigger
	 * @param request the audience
	 * @return the audience
	 */
	Mono<Audience> audience(String eventId, String id, ManualTriggerRequest request) {
		return manualTrigger(eventId, id, request).flatMap((trigger) -> requests(trigger, request.registrationIds(),
				request.filter(), "dry-run", "manual", request.data())
			.collectList()
			.flatMap((requests) -> {
				Map<String, int[]> perChannel = new java.util.LinkedHashMap<>();
				java.util.Set<String> registrations = new java.util.HashSet<>();
				for (SendRequest send : requests) {
					registrations.add(send.registration());
					int[] counts = perChannel.computeIfAbsent(send.template().type(), (key) -> new int[2]);
					counts[0]++;
					String address = "email".equals(send.template().type()) ? send.recipient().email()
							: send.recipient().phone();
					if (address == null || address.isBlank()) {
						counts[1]++;
					}
				}
				return Flux.fromIterable(perChannel.entrySet())
					.concatMap((entry) -> this.notifications.pendingCount(entry.getKey()).map((ahead) -> {
						int sendable = entry.getValue()[0] - entry.getValue()[1];
						double rate = this.properties.rateLimit(entry.getKey());
						long eta = (long) Math.ceil((ahead + sendable) / rate);
						return new Audience.Channel(entry.getKey(), entry.getValue()[0], entry.getValue()[1], ahead,
								rate, eta);
					}))
					.collectList()
					.map((channels) -> new Audience(registrations.size(), requests.size(), channels,
							channels.stream().mapToLong(Audience.Channel::etaSeconds).max().orElse(0)));
			}));
	}

	private Mono<NotificationTrigger> manualTrigger(String eventId, String id, ManualTriggerRequest request) {
		return get(eventId, id).flatMap((trigger) -> {
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
	 * A recorded manual send.
	 *
	 * @param batchId its batch, for {@code notifications/progress?batch=}
	 * @param result the counts
	 */
	record ManualSend(String batchId, NotificationService.EnqueueResult result) {
	}

	/**
	 * The audience of a manual trigger (a dry run).
	 *
	 * @param registrations registrations on which the conditions hold
	 * @param notifications notifications it would record
	 * @param channels per channel
	 * @param etaSeconds until the last one is sent (channels send in parallel)
	 */
	record Audience(int registrations, int notifications, List<Channel> channels, long etaSeconds) {

		/**
		 * One channel of the audience.
		 *
		 * @param channel email, sms or whatsapp
		 * @param notifications notifications on this channel
		 * @param withoutAddress of which have no address (recorded as skipped)
		 * @param queuedAhead notifications already waiting on this channel
		 * @param ratePerSecond the channel's pacing per instance
		 * @param etaSeconds until the last one is sent at that pace
		 */
		record Channel(String channel, int notifications, int withoutAddress, long queuedAhead, double ratePerSecond,
				long etaSeconds) {
		}

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

	/**
	 * The active event triggers of a conference for a domain event type.
	 * @param eventId the conference
	 * @param eventType the domain event type
	 * @return triggers
	 */
	Flux<NotificationTrigger> eventTriggers(String eventId, String eventType) {
		return this.mongo.find(Query.query(Criteria.where("event")
			.is(eventId)
			.and("triggerType")
			.is("event")
			.and("eventType")
			.is(eventType)
			.and("isActive")
			.is(true)), NotificationTrigger.class);
	}

	Mono<NotificationService.EnqueueResult> enqueue(Flux<SendRequest> requests) {
		return this.notifications.enqueue(requests);
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
