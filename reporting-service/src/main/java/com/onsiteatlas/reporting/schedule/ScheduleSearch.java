package com.onsiteatlas.reporting.schedule;

/**
 * The filters of one schedule search; null means any.
 *
 * @param viewer who asks
 * @param eventId the schedules' event
 * @param active only active (true) or inactive (false) schedules
 * @param frequency the schedules' frequency
 */
record ScheduleSearch(ScheduleViewer viewer, String eventId, Boolean active, String frequency) {
}
