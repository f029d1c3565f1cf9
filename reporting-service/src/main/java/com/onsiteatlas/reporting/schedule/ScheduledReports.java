package com.onsiteatlas.reporting.schedule;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

import com.onsiteatlas.reporting.builder.BuilderRequests;
import com.onsiteatlas.reporting.builder.ReportDefinition;
import com.onsiteatlas.reporting.builder.ReportTemplate;

/**
 * The report a schedule renders itself (without an export job): a ready-made template, or
 * a report built in the report builder. Of a built report the schedule keeps the
 * builder's request body as sent, checked at save time the way the preview checks it and
 * turned into a definition again at each run ({@link BuilderRequests}), so that a
 * relative date range ("week") means the week before that run.
 */
@Component
class ScheduledReports {

	private final BuilderRequests requests;

	ScheduledReports(BuilderRequests requests) {
		this.requests = requests;
	}

	/**
	 * A builder request body as a schedule stores it; 400 with the preview's message when
	 * the preview would refuse it.
	 * @param body the request body
	 * @return the body, unchanged, as a map
	 */
	Map<String, Object> storable(JsonNode body) {
		return this.requests.storable(body);
	}

	/**
	 * What a template or definition schedule renders now.
	 * @param schedule a schedule without an export config
	 * @return its report; an error (recorded as the run's failure) when the template is
	 * gone or the saved definition no longer fits the catalog
	 */
	ScheduledReport of(ReportSchedule schedule) {
		if (schedule.definition() != null) {
			ReportDefinition definition = this.requests.definition(schedule.definition());
			String title = (definition.title() != null && !definition.title().isBlank()) ? definition.title().trim()
					: definition.dataType();
			String base = title.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
			return new ScheduledReport(title, base.isEmpty() ? definition.dataType() : base, definition);
		}
		ReportTemplate template = ReportTemplate.find(schedule.report());
		if (template == null) {
			throw new IllegalStateException("Unknown report template '" + schedule.report() + "'");
		}
		return new ScheduledReport(template.name(), schedule.report(), template.definition());
	}

	/**
	 * A report to render.
	 *
	 * @param title the title of mails and kept exports
	 * @param fileBase the start of the file name
	 * @param definition the report
	 */
	record ScheduledReport(String title, String fileBase, ReportDefinition definition) {
	}

}
