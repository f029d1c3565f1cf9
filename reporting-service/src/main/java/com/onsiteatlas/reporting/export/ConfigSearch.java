package com.onsiteatlas.reporting.export;

/**
 * The filters of one config search; null means any.
 *
 * @param viewer who asks
 * @param eventId configs of this event or of no event
 * @param dataType data type
 * @param exportType export type
 */
record ConfigSearch(ConfigViewer viewer, String eventId, String dataType, String exportType) {
}
