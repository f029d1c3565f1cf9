package com.onsiteatlas.reporting.export;

import java.time.Instant;

/**
 * The filters of one history search; null means any.
 *
 * @param userId only this user's jobs (null for admins and managers)
 * @param boundEventId the event the caller's token is bound to
 * @param eventId conference asked for
 * @param status job status value
 * @param dataType data type
 * @param exportType export type, lower case
 * @param from created at or after
 * @param to created at or before
 */
record HistorySearch(String userId, String boundEventId, String eventId, String status, String dataType,
		String exportType, Instant from, Instant to) {
}
