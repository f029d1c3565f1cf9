package com.onsiteatlas.notification.trigger;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * When to notify whom with which templates (NotificationTrigger in docs/notification.md).
 *
 * @param id trigger id
 * @param event the conference
 * @param name name
 * @param description description
 * @param triggerType event, scheduled or manual
 * @param eventType the domain event type of an event trigger
 * @param schedule the schedule of a scheduled trigger
 * @param conditions all must hold (on the domain event payload, or on the registration
 * for scheduled and manual sends)
 * @param templates one template per channel
 * @param isActive active flag
 * @param createdBy creator
 * @param createdAt created
 * @param updatedAt updated
 * @param nextRunAt next occurrence of a scheduled trigger
 * @param lastRunAt last occurrence fired
 */
@Document(NotificationTrigger.COLLECTION)
@CompoundIndex(name = "event_type", def = "{'event': 1, 'triggerType': 1, 'eventType': 1}")
public record NotificationTrigger(@Id @JsonProperty("_id") String id, String event, String name, String description,
		String triggerType, String eventType, Schedule schedule, List<Condition> conditions,
		List<TemplateRef> templates, boolean isActive, String createdBy, Instant createdAt, Instant updatedAt,
		Instant nextRunAt, Instant lastRunAt) {

	static final String COLLECTION = "notification_triggers";

	public NotificationTrigger {
		conditions = (conditions != null) ? List.copyOf(conditions) : List.of();
		templates = (templates != null) ? List.copyOf(templates) : List.of();
	}

	/**
	 * A schedule in the conference's timezone.
	 *
	 * @param type one-time or recurring
	 * @param date the day (one-time), or the first day (recurring), {@code yyyy-MM-dd}
	 * @param time time of day, {@code HH:mm}
	 * @param recurring recurrence
	 */
	public record Schedule(String type, String date, String time, Recurring recurring) {
	}

	/**
	 * A recurrence.
	 *
	 * @param frequency daily, weekly or monthly
	 * @param daysOfWeek weekly: 0 = Sunday ... 6 = Saturday (as in JavaScript)
	 * @param dayOfMonth monthly: 1..31, clamped to the month's last day
	 */
	public record Recurring(String frequency, List<Integer> daysOfWeek, Integer dayOfMonth) {

		public Recurring {
			daysOfWeek = (daysOfWeek != null) ? List.copyOf(daysOfWeek) : List.of();
		}

	}

	/**
	 * A condition.
	 *
	 * @param field dotted path, e.g. {@code registration.paymentStatus}
	 * @param operator equals, not-equals, contains, not-contains, greater-than,
	 * less-than, exists, not-exists
	 * @param value the value to compare with
	 */
	public record Condition(String field, String operator, Object value) {
	}

	/**
	 * A template of a channel.
	 *
	 * @param channel email, whatsapp or sms
	 * @param template template id
	 */
	public record TemplateRef(String channel, String template) {
	}

}
