package com.onsiteatlas.reporting.rows;

import java.util.List;

/**
 * How to group rows: by one or more catalog fields, with metrics, at most some groups.
 *
 * @param fields the catalog fields grouped by
 * @param metrics the metrics of each group
 * @param limit the most groups returned
 */
public record RowGrouping(List<String> fields, List<Metric> metrics, int limit) {

	/**
	 * One metric of a group.
	 *
	 * @param type {@code count}, or a MongoDB accumulator ({@code sum}, {@code avg},
	 * {@code min}, {@code max})
	 * @param field the catalog field, null for count
	 */
	public record Metric(String type, String field) {
	}

}
