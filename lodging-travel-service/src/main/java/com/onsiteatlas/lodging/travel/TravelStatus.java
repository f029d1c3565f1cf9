package com.onsiteatlas.lodging.travel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.onsiteatlas.support.wirevalue.WireValue;
import com.onsiteatlas.support.wirevalue.WireValues;

/**
 * How far the organisers have got with an itinerary; it moves forward only. The JSON and
 * the stored value are the lower-case wire values, as ONSITE ATLAS has them.
 */
public enum TravelStatus implements WireValue {

	/** Entered, not yet checked. */
	PENDING("pending"),

	/** Checked by the organisers. */
	CONFIRMED("confirmed"),

	/** Travelled. */
	COMPLETED("completed");

	private final String value;

	TravelStatus(String value) {
		this.value = value;
	}

	/**
	 * The wire value.
	 * @return e.g. {@code confirmed}
	 */
	@Override
	@JsonValue
	public String value() {
		return this.value;
	}

	/**
	 * The status of a wire value.
	 * @param value e.g. {@code completed}
	 * @return the status
	 * @throws ApiException a 400 naming the valid values when there is no such status
	 */
	@JsonCreator
	public static TravelStatus of(String value) {
		return WireValues.parse(TravelStatus.class, value, "status");
	}

	/**
	 * Whether an itinerary in this status may move to another: it stays or moves forward
	 * (pending, confirmed, completed), never back.
	 * @param next the wanted status
	 * @return true when the move is allowed
	 */
	public boolean canBecome(TravelStatus next) {
		return next.ordinal() >= ordinal();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
