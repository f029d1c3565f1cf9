package com.onsiteatlas.notification.cutover;

import com.fasterxml.jackson.annotation.JsonValue;

import com.onsiteatlas.support.wirevalue.WireValue;

/**
 * Where one {@code automaticEmails} switch is in the cutover: its trigger here is
 * {@code inactive} (ONSITE ATLAS still sends) or {@code active}, or there is
 * {@code no-trigger} (no stored template, no equivalent, no date for a reminder, or the
 * trigger was deleted here; the note says which). Computed from the trigger each time it
 * is read, so a trigger switched off in the console shows as inactive.
 */
enum SwitchStatus implements WireValue {

	INACTIVE("inactive"), ACTIVE("active"), NO_TRIGGER("no-trigger");

	private final String value;

	SwitchStatus(String value) {
		this.value = value;
	}

	@Override
	@JsonValue
	public String value() {
		return this.value;
	}

}
