package com.onsiteatlas.reporting.catalog;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a catalog field is stored, filtered and written to a file.
 */
public enum FieldType {

	/** Text. */
	STRING,
	/** An integer or decimal number (money is integer cents). */
	NUMBER,
	/** An instant, stored as a BSON date. */
	DATE,
	/** Yes or no. */
	BOOLEAN,
	/** Several text values, written joined by {@code ; }. */
	LIST;

	@JsonValue
	String json() {
		return name().toLowerCase(Locale.ROOT);
	}

}
