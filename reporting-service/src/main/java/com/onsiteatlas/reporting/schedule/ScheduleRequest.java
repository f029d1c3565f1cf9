package com.onsiteatlas.reporting.schedule;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of create and update of a schedule.
 *
 * @param name name
 * @param report report template id: one source of report, definition and exportConfig
 * @param definition a ReportBuilder request body (the preview's), with eventId and format
 * @param exportConfig export config id
 * @param eventId conference of a template or definition report
 * @param format pdf, excel or csv of a template or definition report
 * @param schedule timing
 * @param delivery delivery
 * @param isActive whether it runs (default true)
 * @param isGlobal whether every staff user sees it (default false: only its creator)
 */
record ScheduleRequest(@Size(max = 200) String name, String report, JsonNode definition, String exportConfig,
		String eventId, String format, ReportSchedule.Timing schedule, @Valid ReportSchedule.Delivery delivery,
		@JsonProperty("isActive") Boolean isActive, @JsonProperty("isGlobal") Boolean isGlobal) {
}
