package com.onsiteatlas.notification.trigger;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulesTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static NotificationTrigger.Schedule recurring(String frequency, List<Integer> days, Integer dayOfMonth,
			String time) {
		return new NotificationTrigger.Schedule("recurring", null, time,
				new NotificationTrigger.Recurring(frequency, days, dayOfMonth));
	}

	@Test
	void firesOneTimeSchedulesAtTheLocalTimeOfTheConference() {
		var schedule = new NotificationTrigger.Schedule("one-time", "2025-11-14", "09:00", null);
		assertThat(Schedules.next(schedule, ZoneId.of("Asia/Kolkata"), Instant.parse("2025-11-01T00:00:00Z")))
			.isEqualTo(Instant.parse("2025-11-14T03:30:00Z"));
		assertThat(Schedules.next(schedule, ZoneId.of("Asia/Kolkata"), Instant.parse("2025-11-15T00:00:00Z"))).isNull();
	}

	@Test
	void keepsTheWallClockTimeAcrossDaylightSavingChanges() {
		var daily = recurring("daily", null, null, "09:00");
		// 9:00 EDT (UTC-4) before the change on 2 Nov 2025, 9:00 EST (UTC-5) after it.
		assertThat(Schedules.next(daily, NEW_YORK, Instant.parse("2025-11-01T14:00:00Z")))
			.isEqualTo(Instant.parse("2025-11-02T14:00:00Z"));
		assertThat(Schedules.next(daily, NEW_YORK, Instant.parse("2025-10-31T14:00:00Z")))
			.isEqualTo(Instant.parse("2025-11-01T13:00:00Z"));
	}

	@Test
	void movesANonExistentTimeForwardAndFiresAnAmbiguousTimeOnce() {
		var springForward = recurring("daily", null, null, "02:30");
		assertThat(Schedules.next(springForward, NEW_YORK, Instant.parse("2025-03-08T08:00:00Z")))
			.isEqualTo(Instant.parse("2025-03-09T07:30:00Z"));
		var fallBack = recurring("daily", null, null, "01:30");
		Instant first = Schedules.next(fallBack, NEW_YORK, Instant.parse("2025-11-02T04:00:00Z"));
		assertThat(first).isEqualTo(Instant.parse("2025-11-02T05:30:00Z"));
		assertThat(Schedules.next(fallBack, NEW_YORK, first)).isEqualTo(Instant.parse("2025-11-03T06:30:00Z"));
	}

	@Test
	void picksTheNextListedWeekday() {
		// Monday (1) and Friday (5), JavaScript numbering; 2025-11-05 is a Wednesday.
		var weekly = recurring("weekly", List.of(1, 5), null, "08:00");
		assertThat(Schedules.next(weekly, ZoneId.of("UTC"), Instant.parse("2025-11-05T12:00:00Z")))
			.isEqualTo(Instant.parse("2025-11-07T08:00:00Z"));
		assertThat(Schedules.next(weekly, ZoneId.of("UTC"), Instant.parse("2025-11-07T08:00:00Z")))
			.isEqualTo(Instant.parse("2025-11-10T08:00:00Z"));
	}

	@Test
	void clampsTheDayOfMonthToShortMonths() {
		var monthly = recurring("monthly", null, 31, "10:00");
		assertThat(Schedules.next(monthly, ZoneId.of("UTC"), Instant.parse("2025-02-01T00:00:00Z")))
			.isEqualTo(Instant.parse("2025-02-28T10:00:00Z"));
		assertThat(Schedules.next(monthly, ZoneId.of("UTC"), Instant.parse("2025-02-28T10:00:00Z")))
			.isEqualTo(Instant.parse("2025-03-31T10:00:00Z"));
	}

	@Test
	void recurringSchedulesStartOnTheirFirstDay() {
		var daily = new NotificationTrigger.Schedule("recurring", "2025-12-01", "07:00",
				new NotificationTrigger.Recurring("daily", null, null));
		assertThat(Schedules.next(daily, ZoneId.of("UTC"), Instant.parse("2025-11-01T00:00:00Z")))
			.isEqualTo(Instant.parse("2025-12-01T07:00:00Z"));
	}

}
