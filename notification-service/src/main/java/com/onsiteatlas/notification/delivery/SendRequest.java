package com.onsiteatlas.notification.delivery;

import java.util.Map;

import com.onsiteatlas.notification.template.NotificationTemplate;

/**
 * A request to notify one recipient with one template.
 *
 * @param eventId the conference
 * @param registration registration {@code _id}, may be null
 * @param registrationId human registration id, may be null
 * @param triggerId the trigger, may be null
 * @param template the template (its type is the channel)
 * @param model template variables
 * @param recipient where it goes
 * @param sourceKey what caused it: a domain event id, a schedule occurrence id, a manual
 * batch id; part of the unique key
 * @param source event, scheduled, manual, send or test
 */
public record SendRequest(String eventId, String registration, String registrationId, String triggerId,
		NotificationTemplate template, Map<String, Object> model, Notification.Recipient recipient, String sourceKey,
		String source) {

	SendRequest withRecipient(Notification.Recipient recipient) {
		return new SendRequest(this.eventId, this.registration, this.registrationId, this.triggerId, this.template,
				this.model, recipient, this.sourceKey, this.source);
	}

	String channel() {
		return this.template.type();
	}

	String dedupKey() {
		String who = (this.registration != null) ? this.registration
				: (this.recipient.email() != null) ? this.recipient.email() : this.recipient.phone();
		return this.sourceKey + "|" + ((this.triggerId != null) ? this.triggerId : this.template.id()) + "|" + who + "|"
				+ channel();
	}

}
