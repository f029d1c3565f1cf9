package com.onsiteatlas.reporting.schedule;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scheduler settings ({@code atlas.reporting.schedules.*}).
 *
 * @param pollInterval how often due schedules and open runs are looked at
 * @param lease how long an instance holds a run it works on
 */
@ConfigurationProperties("atlas.reporting.schedules")
record ScheduleProperties(@DefaultValue("10s") Duration pollInterval, @DefaultValue("2m") Duration lease) {
}
