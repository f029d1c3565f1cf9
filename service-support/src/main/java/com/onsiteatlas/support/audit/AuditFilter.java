package com.onsiteatlas.support.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.wirevalue.WireValue;
import com.onsiteatlas.support.wirevalue.WireValues;

/**
 * Which entries of a trail a client asked for.
 *
 * @param action only this action's wire value, may be null
 * @param from from this instant on, may be null
 * @param to before this instant, may be null
 */
public record AuditFilter(String action, Instant from, Instant to) {

	/**
	 * Parses the query parameters of a trail request.
	 * @param actions the service's actions
	 * @param action {@code action}, may be null
	 * @param from {@code from}: an ISO instant or a date (its start, UTC), may be null
	 * @param to {@code to}: an ISO instant (exclusive) or a date (included, UTC), may be
	 * null
	 * @param <E> the action enum
	 * @return the filter
	 * @throws ApiException a 400 naming the bad parameter
	 */
	public static <E extends Enum<E> & WireValue> AuditFilter parse(Class<E> actions, String action, String from,
			String to) {
		String wire = (action == null || action.isBlank()) ? null
				: WireValues.parse(actions, action.trim(), "action").value();
		Instant start = instant(from, "from", false);
		Instant end = instant(to, "to", true);
		if (start != null && end != null && !start.isBefore(end)) {
			throw ApiException.badRequest("'from' must be before 'to'");
		}
		return new AuditFilter(wire, start, end);
	}

	private static Instant instant(String value, String name, boolean endOfDay) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.trim();
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException notInstant) {
			try {
				LocalDate date = LocalDate.parse(text);
				return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			catch (DateTimeParseException notDate) {
				throw ApiException
					.badRequest("'" + name + "' must be a date (2026-03-01) or an instant (2026-03-01T09:00:00Z)");
			}
		}
	}

}
