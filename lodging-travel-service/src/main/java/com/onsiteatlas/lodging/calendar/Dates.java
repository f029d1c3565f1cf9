package com.onsiteatlas.lodging.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.onsiteatlas.support.web.ApiException;

/**
 * Dates as ONSITE ATLAS sends them: either a calendar day ({@code 2026-03-01}) or an
 * ISO-8601 instant. Calendar days are stored as midnight UTC, so the day of a stored date
 * is always its UTC date.
 */
public final class Dates {

	private static final Pattern TIME = Pattern.compile("^([01]\\d|2[0-3]):[0-5]\\d$");

	private Dates() {
	}

	/**
	 * Parses a day or an instant.
	 * @param value the text, may be null
	 * @param field the field name for the error message
	 * @return the instant, null when the value is null or blank
	 */
	public static Instant parse(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.trim();
		try {
			if (text.length() == 10) {
				return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badRequest("'" + field + "' must be a date (YYYY-MM-DD) or an ISO-8601 date-time");
		}
	}

	/**
	 * Parses a calendar day.
	 * @param value the text, may be null
	 * @param field the field name for the error message
	 * @return the day, null when the value is null or blank
	 */
	public static LocalDate parseDay(String value, String field) {
		Instant instant = parse(value, field);
		return (instant != null) ? day(instant) : null;
	}

	public static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * The nights of a stay: each day from the check-in day up to, not including, the
	 * check-out day.
	 * @param checkIn check-in date
	 * @param checkOut check-out date
	 * @return the nights in order
	 */
	public static List<LocalDate> nights(Instant checkIn, Instant checkOut) {
		List<LocalDate> nights = new ArrayList<>();
		for (LocalDate night = day(checkIn); night.isBefore(day(checkOut)); night = night.plusDays(1)) {
			nights.add(night);
		}
		return nights;
	}

	/**
	 * Checks a local time of day.
	 * @param time {@code HH:mm}, may be null
	 * @param field the field name for the error message
	 * @return the time, null when none was given
	 */
	public static LocalTime time(String time, String field) {
		if (time == null || time.isBlank()) {
			return null;
		}
		if (!TIME.matcher(time.trim()).matches()) {
			throw ApiException.badRequest("'" + field + "' must be a time of day as HH:mm (24-hour), got '"
					+ ((time.length() > 20) ? time.substring(0, 20) : time) + "'");
		}
		return LocalTime.parse(time.trim());
	}

}
