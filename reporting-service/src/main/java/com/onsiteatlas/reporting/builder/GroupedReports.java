package com.onsiteatlas.reporting.builder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.reporting.catalog.DataSource;
import com.onsiteatlas.reporting.rows.RowGrouping;
import com.onsiteatlas.reporting.rows.RowQuery;
import com.onsiteatlas.reporting.rows.RowService;
import com.onsiteatlas.reporting.rows.RowSort;

/**
 * Runs grouped reports: one MongoDB aggregation groups the matching rows by one or two
 * fields and computes the metrics; the groups come back sorted as asked, at most
 * {@link #MAX_GROUPS}, with their chart.
 */
@Component
class GroupedReports {

	/** Largest number of groups a report returns. */
	static final int MAX_GROUPS = 5000;

	private final RowService rows;

	GroupedReports(RowService rows) {
		this.rows = rows;
	}

	/**
	 * The groups of a validated grouped report.
	 * @param eventId the conference
	 * @param source its data source
	 * @param definition the report
	 * @return groups, columns and chart
	 */
	Mono<ReportResult> run(String eventId, DataSource source, ReportDefinition definition) {
		List<Metric> metrics = definition.metrics().isEmpty() ? List.of(new Metric("count", null))
				: definition.metrics();
		RowQuery query = new RowQuery(source, eventId, definition.filters(), List.of(), definition.dateRange());
		RowGrouping grouping = new RowGrouping(definition.groupBy(),
				metrics.stream().map((metric) -> new RowGrouping.Metric(metric.type(), metric.field())).toList(),
				MAX_GROUPS + 1);
		List<String> columns = new ArrayList<>(definition.groupBy());
		metrics.forEach((metric) -> columns.add(metric.key()));
		return this.rows.groups(query, grouping).map((found) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			for (int i = 0; i < definition.groupBy().size(); i++) {
				row.put(definition.groupBy().get(i), found.keys().get(i));
			}
			for (int i = 0; i < metrics.size(); i++) {
				row.put(metrics.get(i).key(), found.metrics().get(i));
			}
			return row;
		}).collectList().map((all) -> {
			boolean truncated = all.size() > MAX_GROUPS;
			List<Map<String, Object>> list = sorted(truncated ? all.subList(0, MAX_GROUPS) : all, definition.sorts());
			return new ReportResult(list, columns, ReportCharts.chart(definition, metrics, list), truncated,
					MAX_GROUPS);
		});
	}

	private static List<Map<String, Object>> sorted(List<Map<String, Object>> rows, List<RowSort> sorts) {
		if (sorts.isEmpty()) {
			return rows;
		}
		List<Map<String, Object>> copy = new ArrayList<>(rows);
		RowSort sort = sorts.get(0);
		copy.sort((a, b) -> {
			int result = compare(a.get(sort.field()), b.get(sort.field()));
			return sort.descending() ? -result : result;
		});
		return copy;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static int compare(Object a, Object b) {
		if (a == null || b == null) {
			return (a == null) ? ((b == null) ? 0 : -1) : 1;
		}
		if (a instanceof Number x && b instanceof Number y) {
			return Double.compare(x.doubleValue(), y.doubleValue());
		}
		if (a instanceof Comparable x && a.getClass() == b.getClass()) {
			return x.compareTo(b);
		}
		return String.valueOf(a).compareTo(String.valueOf(b));
	}

}
