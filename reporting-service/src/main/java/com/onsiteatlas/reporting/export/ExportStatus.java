package com.onsiteatlas.reporting.export;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.onsiteatlas.support.wirevalue.WireValue;
import com.onsiteatlas.support.wirevalue.WireValues;

/**
 * Where an export job is in its life, and where it may go next. The JSON and the stored
 * value are the lower-case wire values ({@code processing}), as they were when the status
 * was a string.
 */
public enum ExportStatus implements WireValue {

	/** Queued, waiting for a worker. */
	PENDING("pending"),

	/** Claimed by a worker, whose lease says until when. */
	PROCESSING("processing"),

	/** The file is stored and can be downloaded until it expires. */
	COMPLETED("completed"),

	/** Gave up; the reason is on the job. */
	FAILED("failed");

	private final String value;

	ExportStatus(String value) {
		this.value = value;
	}

	/**
	 * The wire value.
	 * @return e.g. {@code pending}
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
	public static ExportStatus of(String value) {
		return WireValues.parse(ExportStatus.class, value, "status");
	}

	/**
	 * Whether a job in this status may move to another: pending to processing (a claim),
	 * processing to processing (another worker takes over a job whose lease ran out),
	 * completed or failed; completed and failed are final.
	 * @param next the wanted status
	 * @return true when the move is allowed
	 */
	public boolean canBecome(ExportStatus next) {
		return next().contains(next);
	}

	/**
	 * The wire values of the statuses that may become a status, for the guard of a
	 * conditional write.
	 * @param next the status written
	 * @return e.g. {@code [processing]} for completed
	 */
	static List<String> valuesThatCanBecome(ExportStatus next) {
		return Arrays.stream(values()).filter((status) -> status.canBecome(next)).map(ExportStatus::value).toList();
	}

	private Set<ExportStatus> next() {
		return switch (this) {
			case PENDING -> EnumSet.of(PROCESSING);
			case PROCESSING -> EnumSet.of(PROCESSING, COMPLETED, FAILED);
			case COMPLETED, FAILED -> EnumSet.noneOf(ExportStatus.class);
		};
	}

	/**
	 * Whether the job has ended, with a file or without.
	 * @return true for completed and failed
	 */
	public boolean isFinished() {
		return next().isEmpty();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
