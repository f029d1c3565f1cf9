package com.onsiteatlas.domainevents.abstracts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An abstract's status, using the hyphenated values of the ONSITE ATLAS {@code Abstract}
 * model. Reading also accepts the underscore spellings of the legacy status endpoint,
 * because producers forward whatever the request carried.
 */
public enum AbstractStatus {

	DRAFT("draft"),

	SUBMITTED("submitted"),

	UNDER_REVIEW("under-review"),

	APPROVED("approved"),

	REJECTED("rejected"),

	REVISION_REQUESTED("revision-requested"),

	PENDING("pending"),

	ACCEPTED("accepted"),

	REVISED_PENDING_REVIEW("revised-pending-review"),

	/**
	 * Not a value of the Abstract model, but the legacy status endpoint accepts it, so
	 * producers may forward it.
	 */
	WITHDRAWN("withdrawn");

	private final String value;

	AbstractStatus(String value) {
		this.value = value;
	}

	/**
	 * The wire value.
	 * @return e.g. {@code under-review}
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

	/**
	 * Reads a status in the model's spelling or a legacy variant ({@code under_review},
	 * {@code Revision Requested}, {@code revised}).
	 * @param raw the value as sent
	 * @return the status, or null when {@code raw} is null
	 * @throws IllegalArgumentException when the value is not a known status
	 */
	@JsonCreator
	public static AbstractStatus normalise(String raw) {
		if (raw == null) {
			return null;
		}
		String candidate = raw.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
		if (candidate.equals("revised")) {
			return REVISED_PENDING_REVIEW;
		}
		for (AbstractStatus status : values()) {
			if (status.value.equals(candidate)) {
				return status;
			}
		}
		throw new IllegalArgumentException("Unknown abstract status '" + raw + "'; valid values are "
				+ Arrays.stream(values()).map(AbstractStatus::value).collect(Collectors.joining(", ")));
	}

	@Override
	public String toString() {
		return this.value;
	}

}
