package com.onsiteatlas.notification.trigger;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Computes the occurrences of a schedule in the conference's timezone. Wall-clock times
 * are kept across DST changes: a time that does not exist on a spring-forward day moves
 * forward by the gap, an ambiguous time on a fall-back day takes the earlier offset (so
 * it fires once).
 */
final class Schedules {

	private Schedules() {
	}

	/**
	 * The first occurrence strictly after an instant.
	 * @param schedule the schedule
	 * @param zone the conference's zone
	 * @param after the instant
	 * @return the occurrence, or null when there is none
	 */
	static Instant next(NotificationTrigger.Schedule schedule, ZoneId zone, Instant after) {
		LocalTime time = LocalTime.parse(schedule.time());
		LocalDate start = (schedule.date() != null) ? LocalDate.parse(schedule.date().substring(0, 10)) : null;
		if ("one-time".equals(schedule.type())) {
			Instant at = at(start, time, zone);
			return at.isAfter(after) ? at : null;
		}
		NotificationTrigger.Recurring recurring = schedule.recurring();
		LocalDate day = after.atZone(zone).toLocalDate();
		if (start != null && start.isAfter(day)) {
			day = start;
		}
		// Two years of days bounds the search even for a monthly schedule on the 31st.
		for (int i = 0; i < 800; i++, day = day.plusDays(1)) {
			if (!matches(recurring, day)) {
				continue;
			}
			Instant at = at(day, time, zone);
			if (at.isAfter(after)) {
				return at;
			}
		}
		return null;
	}

	private static boolean matches(NotificationTrigger.Recurring recurring, LocalDate day) {
		return switch (recurring.frequency()) {
			case "daily" -> true;
			case "weekly" -> recurring.daysOfWeek().contains(jsDay(day.getDayOfWeek()));
			case "monthly" -> {
				int wanted = Math.min(recurring.dayOfMonth(), YearMonth.from(day).lengthOfMonth());
				yield day.getDayOfMonth() == wanted;
			}
			default -> false;
		};
	}

	/** JavaScript's numbering: 0 = Sunday. */
	static int jsDay(DayOfWeek day) {
		return day.getValue() % 7;
	}

	private static Instant at(LocalDate day, LocalTime time, ZoneId zone) {
		return ZonedDateTime.ofLocal(day.atTime(time), zone, null).withEarlierOffsetAtOverlap().toInstant();
	}

}
