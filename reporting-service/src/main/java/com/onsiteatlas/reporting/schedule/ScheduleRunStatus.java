package com.onsiteatlas.reporting.schedule;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.onsiteatlas.support.wirevalue.WireValue;
import com.onsiteatlas.support.wirevalue.WireValues;

/**
 * Where one occurrence of a schedule is, and where it may go next. The JSON and the
 * stored value are the lower-case wire values ({@code exporting}), as they were when the
 * status was a string.
 */
public enum ScheduleRunStatus implements WireValue {

	/** The occurrence is claimed; nothing is queued or sent yet. */
	CLAIMED("claimed"),

	/** Its export job is queued or running. */
	EXPORTING("exporting"),

	/** The file went where the schedule says. */
	DELIVERED("delivered"),

	/** The run gave up; the reason is on the run and the schedule. */
	FAILED("failed");

	private final String value;

	ScheduleRunStatus(String value) {
		this.value = value;
	}

	/**
	 * The wire value.
	 * @return e.g. {@code claimed}
	 */
	@Override
	@JsonValue
	public String value() {
		return this.value;
	}

	/**
	 * The status of a wire value.
	 * @param value e.g. {@code delivered}
	 * @return the status
	 * @throws IllegalArgumentException when there is no such status
	 */
	@JsonCreator
	public static ScheduleRunStatus of(String value) {
		return WireValues.find(ScheduleRunStatus.class, value)
			.orElseThrow(() -> new IllegalArgumentException("Unknown schedule run status " + value));
	}

	/**
	 * Whether a run in this status may move to another: claimed to exporting (an export
	 * config's job is queued), claimed or exporting to delivered or failed; delivered and
	 * failed are final.
	 * @param next the wanted status
	 * @return true when the move is allowed
	 */
	public boolean canBecome(ScheduleRunStatus next) {
		return next().contains(next);
	}

	/**
	 * Whether a runner still has work to do on a run in this status.
	 * @return true for claimed and exporting
	 */
	boolean isOpen() {
		return !next().isEmpty();
	}

	/**
	 * The wire values of the statuses that may become a status, for the guard of a
	 * conditional write.
	 * @param next the status written
	 * @return e.g. {@code [claimed, exporting]} for delivered
	 */
	static List<String> valuesThatCanBecome(ScheduleRunStatus next) {
		return Arrays.stream(values())
			.filter((status) -> status.canBecome(next))
			.map(ScheduleRunStatus::value)
			.toList();
	}

	/**
	 * The wire values of the open statuses, for the query of runs to drive forward.
	 * @return {@code [claimed, exporting]}
	 */
	static List<String> openValues() {
		return Arrays.stream(values()).filter(ScheduleRunStatus::isOpen).map(ScheduleRunStatus::value).toList();
	}

	private Set<ScheduleRunStatus> next() {
		return switch (this) {
			case CLAIMED -> EnumSet.of(EXPORTING, DELIVERED, FAILED);
			case EXPORTING -> EnumSet.of(DELIVERED, FAILED);
			case DELIVERED, FAILED -> EnumSet.noneOf(ScheduleRunStatus.class);
		};
	}

	@Override
	public String toString() {
		return this.value;
	}

}
