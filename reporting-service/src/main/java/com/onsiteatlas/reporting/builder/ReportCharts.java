package com.onsiteatlas.reporting.builder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.onsiteatlas.reporting.format.ChartData;

/**
 * The chart data of a grouped report: one label per value of the first group, and one
 * series per metric, or per value of the second group when there are two (missing values
 * are 0).
 */
final class ReportCharts {

	private ReportCharts() {
	}

	/**
	 * The chart of grouped rows.
	 * @param definition the report
	 * @param metrics its metrics (count when it names none)
	 * @param rows the groups
	 * @return the chart data
	 */
	static ChartData chart(ReportDefinition definition, List<Metric> metrics, List<Map<String, Object>> rows) {
		String type = (definition.chartType() != null) ? definition.chartType() : "bar";
		String first = definition.groupBy().get(0);
		Set<String> labelSet = new LinkedHashSet<>();
		rows.forEach((row) -> labelSet.add(label(row.get(first))));
		List<String> labels = new ArrayList<>(labelSet);
		List<ChartData.Series> series = new ArrayList<>();
		if (definition.groupBy().size() == 2) {
			String second = definition.groupBy().get(1);
			String metric = metrics.get(0).key();
			Map<String, Number[]> bySecond = new LinkedHashMap<>();
			for (Map<String, Object> row : rows) {
				Number[] values = bySecond.computeIfAbsent(label(row.get(second)), (k) -> new Number[labels.size()]);
				values[labels.indexOf(label(row.get(first)))] = (Number) row.get(metric);
			}
			bySecond.forEach((name, values) -> series.add(new ChartData.Series(name, List.of(zeros(values)))));
		}
		else {
			for (Metric metric : metrics) {
				Number[] values = new Number[labels.size()];
				for (Map<String, Object> row : rows) {
					Object value = row.get(metric.key());
					values[labels.indexOf(label(row.get(first)))] = (value instanceof Number n) ? n : 0;
				}
				series.add(new ChartData.Series(metric.key(), List.of(zeros(values))));
			}
		}
		String title = (definition.title() != null) ? definition.title() : String.join(" / ", definition.groupBy());
		return new ChartData(type, title, labels, series);
	}

	private static Number[] zeros(Number[] values) {
		for (int i = 0; i < values.length; i++) {
			if (values[i] == null) {
				values[i] = 0;
			}
		}
		return values;
	}

	private static String label(Object value) {
		return (value != null) ? String.valueOf(value) : "(none)";
	}

}
