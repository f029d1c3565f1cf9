package com.onsiteatlas.reporting.builder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import com.onsiteatlas.reporting.rows.DateRange;
import com.onsiteatlas.reporting.rows.RowFilter;
import com.onsiteatlas.reporting.rows.RowService;
import com.onsiteatlas.reporting.rows.RowSort;
import com.onsiteatlas.support.web.ApiException;

/**
 * What ONSITE ATLAS's ReportBuilder page posts, plus the optional metrics and chart of
 * this service.
 *
 * @param reportType the data source (registrations, food_tracking, kitbag_distribution,
 * certificate_issuance, abstracts, or any catalog data type)
 * @param fields columns
 * @param filters {@code [{field, operator, value}]}
 * @param groupBy a field name, or a list of one or two
 * @param sortBy a field, or {@code field:asc|desc}
 * @param sortDirection asc or desc
 * @param dateRange {@code all|today|week|month|year}, or {@code {from,to}} /
 * {@code {startDate,endDate}}
 * @param metrics aggregates per group
 * @param chartType bar, line or pie
 * @param limit maximum rows (the preview shows up to 1,000; a file honours the limit
 * without that cap)
 * @param name report name (title of files)
 * @param description report description
 */
record PreviewRequest(String reportType, List<String> fields, List<RowFilter> filters, JsonNode groupBy, String sortBy,
		String sortDirection, JsonNode dateRange, List<Metric> metrics, String chartType, Integer limit, String name,
		String description) {

	ReportDefinition definition(Clock clock) {
		if (this.reportType == null || this.reportType.isBlank()) {
			throw ApiException.badRequest("reportType is required");
		}
		List<RowSort> sorts = new ArrayList<>();
		if (this.sortBy != null && !this.sortBy.isBlank()) {
			String[] parts = this.sortBy.split(":", 2);
			String direction = (parts.length > 1) ? parts[1] : this.sortDirection;
			if (direction != null && !direction.matches("(?i)asc|desc")) {
				throw ApiException.badRequest("sortDirection must be asc or desc");
			}
			sorts.add(new RowSort(parts[0], direction));
		}
		return new ReportDefinition(this.name, this.reportType, this.fields, this.filters, groups(), this.metrics,
				sorts, range(clock.instant()), this.chartType, (this.limit != null) ? this.limit : 0);
	}

	private List<String> groups() {
		if (this.groupBy == null || this.groupBy.isNull()) {
			return List.of();
		}
		if (this.groupBy.isTextual()) {
			return this.groupBy.asText().isBlank() ? List.of() : List.of(this.groupBy.asText());
		}
		if (this.groupBy.isArray()) {
			List<String> groups = new ArrayList<>();
			this.groupBy.forEach((node) -> groups.add(node.asText()));
			return groups;
		}
		throw ApiException.badRequest("groupBy must be a field name or a list of field names");
	}

	private DateRange range(Instant now) {
		if (this.dateRange == null || this.dateRange.isNull()) {
			return null;
		}
		if (this.dateRange.isTextual()) {
			return switch (this.dateRange.asText()) {
				case "", "all" -> null;
				case "today" -> new DateRange(
						LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant(), null);
				case "week" -> new DateRange(now.minus(7, ChronoUnit.DAYS), null);
				case "month" -> new DateRange(now.minus(30, ChronoUnit.DAYS), null);
				case "year" -> new DateRange(now.minus(365, ChronoUnit.DAYS), null);
				default ->
					throw ApiException.badRequest("dateRange must be all, today, week, month, year or {from, to}");
			};
		}
		if (this.dateRange.isObject()) {
			try {
				return new DateRange(instant("from", "startDate"), instant("to", "endDate"));
			}
			catch (RuntimeException ex) {
				throw ApiException.badRequest("dateRange from/to must be ISO dates");
			}
		}
		throw ApiException.badRequest("dateRange must be all, today, week, month, year or {from, to}");
	}

	private Instant instant(String name, String alias) {
		JsonNode node = this.dateRange.hasNonNull(name) ? this.dateRange.get(name) : this.dateRange.get(alias);
		return (node == null || node.isNull() || node.asText().isBlank()) ? null : RowService.instant(node.asText());
	}

}
