package com.onsiteatlas.reporting.schedule;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import com.onsiteatlas.reporting.builder.ReportDefinition;
import com.onsiteatlas.reporting.builder.ReportService;
import com.onsiteatlas.reporting.builder.ReportTemplate;
import com.onsiteatlas.support.web.ApiException;

/**
 * The report a schedule renders itself (without an export job): a ready-made template, or
 * a report built in the report builder. Of a built report the schedule keeps the
 * builder's request body as sent, checked at save time the way the preview checks it and
 * turned into a definition again at each run, so that a relative date range ("week")
 * means the week before that run.
 */
@Component
class ScheduledReports {

	/** Deeper than any builder request; MongoDB refuses documents nested past 100. */
	private static final int MAX_DEPTH = 20;

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final ReportService reports;

	private final ObjectMapper json;

	ScheduledReports(ReportService reports, ObjectMapper json) {
		this.reports = reports;
		this.json = json;
	}

	/**
	 * A builder request body as a schedule stores it; 400 with the preview's message when
	 * the preview would refuse it.
	 * @param body the request body
	 * @return the body, unchanged, as a map
	 */
	Map<String, Object> storable(JsonNode body) {
		this.reports.builderDefinition(body);
		requireStorable(body, 0);
		return this.json.convertValue(body, MAP);
	}

	/**
	 * MongoDB keeps keys with a dot or a leading {@code $} only with escaping, and
	 * nesting only to a depth; a builder request has neither, so such a body is refused.
	 */
	private static void requireStorable(JsonNode node, int depth) {
		if (depth > MAX_DEPTH) {
			throw ApiException.badRequest("definition is nested too deeply");
		}
		if (node.isObject()) {
			Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				if (field.getKey().contains(".") || field.getKey().startsWith("$")) {
					throw ApiException.badRequest(
							"definition: '" + field.getKey() + "' is not a report builder key (no '.' or leading '$')");
				}
				requireStorable(field.getValue(), depth + 1);
			}
		}
		else if (node.isArray()) {
			for (JsonNode element : node) {
				requireStorable(element, depth + 1);
			}
		}
	}

	/**
	 * What a template or definition schedule renders now.
	 * @param schedule a schedule without an export config
	 * @return its report; an error (recorded as the run's failure) when the template is
	 * gone or the saved definition no longer fits the catalog
	 */
	ScheduledReport of(ReportSchedule schedule) {
		if (schedule.definition() != null) {
			ReportDefinition definition = this.reports.builderDefinition(this.json.valueToTree(schedule.definition()));
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
