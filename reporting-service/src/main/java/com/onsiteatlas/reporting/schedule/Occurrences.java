package com.onsiteatlas.reporting.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;

import org.springframework.scheduling.support.CronExpression;

import com.onsiteatlas.support.web.ApiException;

/**
 * Computes the next occurrence of a schedule in its IANA time zone. Wall-clock times are
 * resolved by {@link ZonedDateTime}: a time skipped by a DST jump runs at the first valid
 * instant after it, a time repeated by a DST fall-back runs once (at its first instance).
 */
final class Occurrences {

	private Occurrences() {
	}

	/**
	 * Checks a timing; 400 with the reason otherwise.
	 * @param timing the timing
	 */
	static void validate(ReportSchedule.Timing timing) {
		if (timing == null || timing.frequency() == null) {
			throw ApiException.badRequest("schedule.frequency is required (daily, weekly, monthly or custom)");
		}
		zone(timing);
		switch (timing.frequency()) {
			case "daily" -> time(timing);
			case "weekly" -> {
				time(timing);
				if (timing.dayOfWeek() == null || timing.dayOfWeek() < 0 || timing.dayOfWeek() > 6) {
					throw ApiException.badRequest("schedule.dayOfWeek must be 0 (Sunday) to 6 (Saturday)");
				}
			}
			case "monthly" -> {
				time(timing);
				if (timing.dayOfMonth() == null || timing.dayOfMonth() < 1 || timing.dayOfMonth() > 31) {
					throw ApiException.badRequest("schedule.dayOfMonth must be 1 to 31");
				}
			}
			case "custom" -> cron(timing);
			default -> throw ApiException.badRequest("schedule.frequency must be daily, weekly, monthly or custom");
		}
	}

	/**
	 * The first occurrence strictly after an instant.
	 * @param timing a valid timing
	 * @param after the instant
	 * @return the next occurrence
	 */
	static Instant next(ReportSchedule.Timing timing, Instant after) {
		ZoneId zone = zone(timing);
		ZonedDateTime now = after.atZone(zone);
		if ("custom".equals(timing.frequency())) {
			ZonedDateTime next = cron(timing).next(now);
			if (next == null) {
				throw ApiException.badRequest("schedule.customCron never fires");
			}
			return next.toInstant();
		}
		LocalTime time = time(timing);
		LocalDate day = now.toLocalDate();
		for (int i = 0; i < 400; i++) {
			LocalDate candidate = day.plusDays(i);
			if (matches(timing, candidate)) {
				ZonedDateTime at = ZonedDateTime.of(candidate, time, zone);
				if (at.toInstant().isAfter(after)) {
					return at.toInstant();
				}
			}
		}
		throw ApiException.badRequest("schedule never fires");
	}

	private static boolean matches(ReportSchedule.Timing timing, LocalDate day) {
		return switch (timing.frequency()) {
			case "weekly" -> day.getDayOfWeek() == sunday0(timing.dayOfWeek());
			case "monthly" -> day.getDayOfMonth() == Math.min(timing.dayOfMonth(),
					day.with(TemporalAdjusters.lastDayOfMonth()).getDayOfMonth());
			default -> true;
		};
	}

	private static DayOfWeek sunday0(int dayOfWeek) {
		return (dayOfWeek == 0) ? DayOfWeek.SUNDAY : DayOfWeek.of(dayOfWeek);
	}

	private static ZoneId zone(ReportSchedule.Timing timing) {
		try {
			return (timing.timezone() != null) ? ZoneId.of(timing.timezone()) : ZoneOffset.UTC;
		}
		catch (RuntimeException ex) {
			throw ApiException.badRequest("schedule.timezone '" + timing.timezone() + "' is not an IANA time zone");
		}
	}

	private static LocalTime time(ReportSchedule.Timing timing) {
		try {
			return (timing.time() != null) ? LocalTime.parse(timing.time()) : LocalTime.of(8, 0);
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badRequest("schedule.time must be HH:mm");
		}
	}

	private static CronExpression cron(ReportSchedule.Timing timing) {
		String expression = timing.customCron();
		if (expression == null || expression.isBlank()) {
			throw ApiException.badRequest("schedule.customCron is required for a custom frequency");
		}
		String trimmed = expression.trim();
		String spring = (trimmed.split("\\s+").length == 5) ? "0 " + trimmed : trimmed;
		try {
			return CronExpression.parse(spring);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest("schedule.customCron is invalid: " + ex.getMessage());
		}
	}

}
