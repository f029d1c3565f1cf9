package com.onsiteatlas.notification.trigger;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.template.TemplateService;
import com.onsiteatlas.notification.template.TemplateVariables;
import com.onsiteatlas.support.web.ApiError;
import com.onsiteatlas.support.web.ApiException;

/**
 * Checks a trigger before it is stored: the fields its type needs (a known domain event
 * type, a complete schedule) and that every template it names is one of the event's, of
 * the right channel. All field errors are answered together in one 400.
 */
@Component
class TriggerValidation {

	private final TemplateService templates;

	private final TriggerEventTypes eventTypes;

	TriggerValidation(TemplateService templates, TriggerEventTypes eventTypes) {
		this.templates = templates;
		this.eventTypes = eventTypes;
	}

	/**
	 * The trigger when it is valid.
	 * @param trigger the trigger to store
	 * @return the trigger, or a 400 naming the fields
	 */
	/**
	 * A condition on a path the model never has would be stored and then never match:
	 * refused, naming the paths the trigger's event type has (the list the console's
	 * condition builder offers).
	 */
	private void checkConditionPaths(NotificationTrigger trigger, List<ApiError.FieldError> errors) {
		String type = "event".equals(trigger.triggerType()) ? trigger.eventType() : TemplateVariables.GENERAL;
		for (int i = 0; i < trigger.conditions().size(); i++) {
			String path = trigger.conditions().get(i).field();
			if (path != null && !this.eventTypes.knows(type, path)) {
				errors.add(new ApiError.FieldError("conditions[" + i + "].field", "'" + path + "' is not a field of "
						+ type + " triggers; valid fields: " + String.join(", ", this.eventTypes.paths(type))));
			}
		}
	}

	Mono<NotificationTrigger> validate(NotificationTrigger trigger) {
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
		if (errors.isEmpty()) {
			checkConditionPaths(trigger, errors);
		}
		if (!errors.isEmpty()) {
			return Mono.error(ApiException.badRequest("The trigger is invalid", errors));
		}
		return Flux.fromIterable(trigger.templates())
			.concatMap((ref) -> this.templates.requireUsable(trigger.event(), ref.template(), ref.channel()))
			.then(Mono.just(trigger));
	}

}
