package com.onsiteatlas.reporting.builder;

import java.util.List;
import java.util.Map;

import com.onsiteatlas.reporting.format.ChartData;

/**
 * Rows of a report and its chart.
 *
 * @param rows rows (grouped rows carry the group fields and the metric keys)
 * @param columns the keys of each row, in order
 * @param chart chart data, null without a chart
 * @param truncated whether more rows (or groups) matched than {@code limit}
 * @param limit the most rows (or groups) this result could hold
 */
public record ReportResult(List<Map<String, Object>> rows, List<String> columns, ChartData chart, boolean truncated,
		int limit) {
}
