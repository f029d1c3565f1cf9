package com.onsiteatlas.reporting.schedule;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of create and update of a schedule.
 *
 * @param name name
 * @param report report template id, optional
 * @param exportConfig export config id (or give report, eventId and format)
 * @param eventId conference of a template report
 * @param format pdf, excel or csv of a template report
 * @param schedule timing
 * @param delivery delivery
 * @param isActive whether it runs (default true)
 * @param isGlobal whether every staff user sees it (default false: only its creator)
 */
record ScheduleRequest(@Size(max = 200) String name, String report, String exportConfig, String eventId, String format,
		ReportSchedule.Timing schedule, @Valid ReportSchedule.Delivery delivery,
		@JsonProperty("isActive") Boolean isActive, @JsonProperty("isGlobal") Boolean isGlobal) {
}
