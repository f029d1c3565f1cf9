package com.onsiteatlas.notification.trigger;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of creating or updating a trigger; on update absent fields keep their value.
 *
 * @param name name
 * @param description description
 * @param triggerType event, scheduled or manual
 * @param eventType domain event type of an event trigger
 * @param schedule schedule of a scheduled trigger
 * @param conditions conditions
 * @param templates templates per channel
 * @param isActive active flag
 */
record TriggerRequest(@Size(max = 200) String name, @Size(max = 2000) String description,
		@Pattern(regexp = "event|scheduled|manual",
				message = "must be one of event, scheduled, manual") String triggerType,
		@Size(max = 64) String eventType, @Valid ScheduleRequest schedule,
		@Size(max = 50) List<@Valid @NotNull ConditionRequest> conditions,
		@Size(max = 3) List<@Valid @NotNull TemplateRefRequest> templates, Boolean isActive) {

	record ScheduleRequest(
			@NotNull @Pattern(regexp = "one-time|recurring", message = "must be one-time or recurring") String type,
			@Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}.*", message = "must be a date (yyyy-MM-dd)") String date,
			@NotNull @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm") String time,
			@Valid RecurringRequest recurring) {
	}

	record RecurringRequest(
			@NotNull @Pattern(regexp = "daily|weekly|monthly",
					message = "must be one of daily, weekly, monthly") String frequency,
			@Size(max = 7) List<@NotNull @Min(0) @Max(6) Integer> daysOfWeek, @Min(1) @Max(31) Integer dayOfMonth) {
	}

	record ConditionRequest(@NotBlank @Size(max = 200) String field, @NotNull @Pattern(
			regexp = "equals|not-equals|contains|not-contains|greater-than|less-than|exists|not-exists",
			message = "must be one of equals, not-equals, contains, not-contains, greater-than, less-than, exists, not-exists") String operator,
			Object value) {
	}

	record TemplateRefRequest(
			@NotNull @Pattern(regexp = "email|whatsapp|sms",
					message = "must be one of email, whatsapp, sms") String channel,
			@NotNull @Size(min = 24, max = 24) String template) {
	}

}
