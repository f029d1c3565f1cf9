package com.onsiteatlas.notification.delivery;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.onsiteatlas.support.wirevalue.WireValue;
import com.onsiteatlas.support.wirevalue.WireValues;

/**
 * Where a notification is: {@code pending} until the dispatcher sends it ({@code sent})
 * or gives up ({@code failed}), {@code skipped} when it could not be sent at all (no
 * address, channel disabled, recipient opted out) and {@code cancelled} when its
 * registration or event went away first. Only a failed one moves again: a resend makes it
 * pending. JSON and the store keep the lower-case values.
 */
public enum NotificationStatus implements WireValue {

	PENDING("pending"), SENT("sent"), FAILED("failed"), SKIPPED("skipped"), CANCELLED("cancelled");

	private final String value;

	NotificationStatus(String value) {
		this.value = value;
	}

	/**
	 * The wire and stored value.
	 * @return the lower-case value
	 */
	@Override
	@JsonValue
	public String value() {
		return this.value;
	}

	/**
	 * Whether a notification in this status may move to another one.
	 * @param next the status it would get
	 * @return true for pending to any other status and for failed to pending (a resend)
	 */
	public boolean canBecome(NotificationStatus next) {
		return switch (this) {
			case PENDING -> next != PENDING;
			case FAILED -> next == PENDING;
			case SENT, SKIPPED, CANCELLED -> false;
		};
	}

	/**
	 * The stored values of the statuses that may become another, for the guard of an
	 * update that makes the change.
	 * @param next the status to move to
	 * @return the values it may come from
	 */
	static List<String> thatCanBecome(NotificationStatus next) {
		return Arrays.stream(values())
			.filter((status) -> status.canBecome(next))
			.map(NotificationStatus::value)
			.toList();
	}

	/**
	 * The status of a wire or stored value.
	 * @param value the lower-case value
	 * @return the status
	 * @throws IllegalArgumentException when the value is no status
	 */
	@JsonCreator
	public static NotificationStatus of(String value) {
		return WireValues.find(NotificationStatus.class, value)
			.orElseThrow(() -> new IllegalArgumentException(
					"'" + value + "' is not a notification status; one of " + list()));
	}

	/**
	 * Every value, for messages.
	 * @return {@code pending, sent, failed, skipped, cancelled}
	 */
	static String list() {
		return Arrays.stream(values()).map(NotificationStatus::value).collect(Collectors.joining(", "));
	}

	@Override
	public String toString() {
		return this.value;
	}

}
