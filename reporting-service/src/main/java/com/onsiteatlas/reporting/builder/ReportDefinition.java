package com.onsiteatlas.reporting.builder;

import java.util.List;

import com.onsiteatlas.reporting.rows.DateRange;
import com.onsiteatlas.reporting.rows.RowFilter;
import com.onsiteatlas.reporting.rows.RowSort;

/**
 * A report: a data type, its columns or groups, and a chart.
 *
 * @param title title
 * @param dataType catalog data type
 * @param fields columns of an ungrouped report (empty: the whole catalog)
 * @param filters conditions
 * @param groupBy up to two fields
 * @param metrics aggregates per group (count when none)
 * @param sorts order
 * @param dateRange date bounds
 * @param chartType bar, line or pie; null for no chart
 * @param limit maximum rows of an ungrouped report, 0 for no limit (the preview shows at
 * most 1,000 whatever the limit; files honour it without that cap)
 */
public record ReportDefinition(String title, String dataType, List<String> fields, List<RowFilter> filters,
		List<String> groupBy, List<Metric> metrics, List<RowSort> sorts, DateRange dateRange, String chartType,
		int limit) {

	public ReportDefinition {
		fields = (fields != null) ? List.copyOf(fields) : List.of();
		filters = (filters != null) ? List.copyOf(filters) : List.of();
		groupBy = (groupBy != null) ? List.copyOf(groupBy) : List.of();
		metrics = (metrics != null) ? List.copyOf(metrics) : List.of();
		sorts = (sorts != null) ? List.copyOf(sorts) : List.of();
	}

	public boolean grouped() {
		return !this.groupBy.isEmpty();
	}

}
