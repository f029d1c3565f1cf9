package com.onsiteatlas.notification.audit;

import com.fasterxml.jackson.annotation.JsonValue;

import com.onsiteatlas.support.wirevalue.WireValue;

/**
 * The sensitive notification operations the audit trail records.
 */
public enum NotificationAuditAction implements WireValue {

	/** Channel settings (sender, SMTP, SMS, WhatsApp, test mode) changed. */
	CHANNEL_SETTINGS_UPDATED("channel-settings.updated"),
	/** A template was created. */
	TEMPLATE_CREATED("template.created"),
	/** A template was changed. */
	TEMPLATE_UPDATED("template.updated"),
	/** A template was deleted. */
	TEMPLATE_DELETED("template.deleted"),
	/** A trigger was created. */
	TRIGGER_CREATED("trigger.created"),
	/** A trigger was changed. */
	TRIGGER_UPDATED("trigger.updated"),
	/** A trigger was deleted. */
	TRIGGER_DELETED("trigger.deleted"),
	/** A trigger was switched on (the legacy cutover does it). */
	TRIGGER_ACTIVATED("trigger.activated"),
	/** A bulk send was recorded. */
	BULK_SEND_REQUESTED("bulk-send.requested"),
	/** ONSITE ATLAS's e-mail settings were imported. */
	LEGACY_CUTOVER_IMPORTED("legacy-cutover.imported"),
	/** The imported triggers of the legacy e-mails were switched on. */
	LEGACY_CUTOVER_ACTIVATED("legacy-cutover.activated");

	private final String value;

	NotificationAuditAction(String value) {
		this.value = value;
	}

	@Override
	@JsonValue
	public String value() {
		return this.value;
	}

}
