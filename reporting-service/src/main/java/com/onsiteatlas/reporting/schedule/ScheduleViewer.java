package com.onsiteatlas.reporting.schedule;

import com.onsiteatlas.support.security.AtlasPrincipal;

/**
 * Who looks at report schedules.
 *
 * @param userId the caller
 * @param boundEventId the event the caller's token is bound to, null for none
 */
record ScheduleViewer(String userId, String boundEventId) {

	static ScheduleViewer of(AtlasPrincipal user) {
		return new ScheduleViewer(user.userId(), user.eventId());
	}

}
