package com.onsiteatlas.reporting.schedule;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.onsiteatlas.support.web.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OccurrencesTests {

	private static ReportSchedule.Timing timing(String frequency, Integer dayOfWeek, Integer dayOfMonth, String time,
			String zone, String cron) {
		return new ReportSchedule.Timing(frequency, dayOfWeek, dayOfMonth, time, zone, cron);
	}

	@Test
	void runsDailyAtTheLocalTimeOnEitherSideOfADstChange() {
		ReportSchedule.Timing daily = timing("daily", null, null, "09:00", "Europe/Berlin", null);
		assertThat(Occurrences.next(daily, Instant.parse("2026-03-28T09:00:00Z")))
			.isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
		assertThat(Occurrences.next(daily, Instant.parse("2026-03-27T09:00:00Z")))
			.isEqualTo(Instant.parse("2026-03-28T08:00:00Z"));
	}

	@Test
	void movesATimeSkippedBySpringForwardAndRunsARepeatedTimeOnce() {
		ReportSchedule.Timing night = timing("daily", null, null, "02:30", "Europe/Berlin", null);
		assertThat(Occurrences.next(night, Instant.parse("2026-03-28T12:00:00Z")))
			.isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
		Instant first = Occurrences.next(night, Instant.parse("2026-10-24T12:00:00Z"));
		assertThat(first).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
		assertThat(Occurrences.next(night, first)).isEqualTo(Instant.parse("2026-10-26T01:30:00Z"));
	}

	@Test
	void runsWeeklyOnTheGivenDayCountingSundayAsZero() {
		ReportSchedule.Timing monday = timing("weekly", 1, null, "08:00", "Asia/Kolkata", null);
		assertThat(Occurrences.next(monday, Instant.parse("2026-11-25T00:00:00Z")))
			.isEqualTo(Instant.parse("2026-11-30T02:30:00Z"));
		ReportSchedule.Timing sunday = timing("weekly", 0, null, "08:00", "UTC", null);
		assertThat(Occurrences.next(sunday, Instant.parse("2026-11-25T00:00:00Z")))
			.isEqualTo(Instant.parse("2026-11-29T08:00:00Z"));
	}

	@Test
	void runsMonthlyOnTheLastDayWhenTheMonthIsShorter() {
		ReportSchedule.Timing thirtyFirst = timing("monthly", null, 31, "06:00", "UTC", null);
		assertThat(Occurrences.next(thirtyFirst, Instant.parse("2026-02-01T00:00:00Z")))
			.isEqualTo(Instant.parse("2026-02-28T06:00:00Z"));
		assertThat(Occurrences.next(thirtyFirst, Instant.parse("2026-02-28T06:00:00Z")))
			.isEqualTo(Instant.parse("2026-03-31T06:00:00Z"));
	}

	@Test
	void acceptsFiveFieldCronInTheScheduleTimeZone() {
		ReportSchedule.Timing cron = timing("custom", null, null, null, "America/New_York", "30 7 * * MON-FRI");
		assertThat(Occurrences.next(cron, Instant.parse("2026-11-27T13:00:00Z")))
			.isEqualTo(Instant.parse("2026-11-30T12:30:00Z"));
	}

	@Test
	void rejectsBadTimingsWithAReason() {
		assertThatThrownBy(() -> Occurrences.validate(timing("hourly", null, null, null, null, null)))
			.isInstanceOf(ApiException.class)
			.hasMessageContaining("daily, weekly, monthly or custom");
		assertThatThrownBy(() -> Occurrences.validate(timing("daily", null, null, "25:00", null, null)))
			.hasMessageContaining("HH:mm");
		assertThatThrownBy(() -> Occurrences.validate(timing("daily", null, null, "09:00", "Mars/Base", null)))
			.hasMessageContaining("IANA");
		assertThatThrownBy(() -> Occurrences.validate(timing("weekly", 7, null, "09:00", null, null)))
			.hasMessageContaining("dayOfWeek");
		assertThatThrownBy(() -> Occurrences.validate(timing("custom", null, null, null, null, "every day")))
			.hasMessageContaining("customCron");
	}

}
