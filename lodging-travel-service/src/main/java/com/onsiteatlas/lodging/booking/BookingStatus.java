package com.onsiteatlas.lodging.booking;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.onsiteatlas.support.wirevalue.WireValue;
import com.onsiteatlas.support.wirevalue.WireValues;

/**
 * Where a hotel booking is in its life, and where it may go next. The JSON and the stored
 * value are the lower-case wire values ({@code checked-in}), as ONSITE ATLAS has them.
 */
public enum BookingStatus implements WireValue {

	/** Asked for, not yet confirmed by the hotel. */
	PENDING("pending"),

	/** Confirmed; holds its room-block nights. */
	CONFIRMED("confirmed"),

	/** Cancelled; gives its nights back. */
	CANCELLED("cancelled"),

	/** The guest has arrived. */
	CHECKED_IN("checked-in"),

	/** The guest has left; the nights stay counted as picked up. */
	CHECKED_OUT("checked-out");

	private final String value;

	BookingStatus(String value) {
		this.value = value;
	}

	/**
	 * The wire value.
	 * @return e.g. {@code checked-in}
	 */
	@Override
	@JsonValue
	public String value() {
		return this.value;
	}

	/**
	 * The status of a wire value.
	 * @param value e.g. {@code confirmed}
	 * @return the status
	 * @throws ApiException a 400 naming the valid values when there is no such status
	 */
	@JsonCreator
	public static BookingStatus of(String value) {
		return WireValues.parse(BookingStatus.class, value, "status");
	}

	/**
	 * Whether a booking in this status may move to another: pending to confirmed or
	 * cancelled, confirmed to checked-in or cancelled, checked-in to checked-out.
	 * @param next the wanted status
	 * @return true when the move is allowed
	 */
	public boolean canBecome(BookingStatus next) {
		return next().contains(next);
	}

	/**
	 * The statuses this one may become, as sorted wire values for messages.
	 * @return e.g. {@code [cancelled, confirmed]}
	 */
	List<String> nextValues() {
		return next().stream().map(BookingStatus::value).sorted().toList();
	}

	private Set<BookingStatus> next() {
		return switch (this) {
			case PENDING -> EnumSet.of(CONFIRMED, CANCELLED);
			case CONFIRMED -> EnumSet.of(CHECKED_IN, CANCELLED);
			case CHECKED_IN -> EnumSet.of(CHECKED_OUT);
			case CHECKED_OUT, CANCELLED -> EnumSet.noneOf(BookingStatus.class);
		};
	}

	/**
	 * Whether a booking in this status holds its room-block nights.
	 * @return true for confirmed, checked-in and checked-out
	 */
	public boolean holdsRooms() {
		return this == CONFIRMED || this == CHECKED_IN || this == CHECKED_OUT;
	}

	/**
	 * Whether the hotel, room and dates of a booking in this status may still change.
	 * @return true for pending and confirmed
	 */
	boolean allowsRoomAndDateChanges() {
		return this == PENDING || this == CONFIRMED;
	}

	/**
	 * Whether the guest may still change its special requests.
	 * @return false once cancelled or checked out
	 */
	boolean acceptsRequests() {
		return this != CANCELLED && this != CHECKED_OUT;
	}

	/**
	 * Whether bookings in this status count against a hotel (it cannot be deleted while
	 * they exist) and against a registration's current stay.
	 * @return false for cancelled
	 */
	boolean isActive() {
		return this != CANCELLED;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
