package com.onsiteatlas.reporting.format;

import java.util.List;

/**
 * Chart data as the frontend and the renderer see it.
 *
 * @param type bar, line or pie
 * @param title chart title
 * @param labels category labels (x axis, or pie slices)
 * @param series one or more series, each with one value per label
 */
public record ChartData(String type, String title, List<String> labels, List<Series> series) {

	/**
	 * A named series.
	 *
	 * @param name series name
	 * @param data values, one per label (null where none)
	 */
	public record Series(String name, List<Number> data) {
	}

}
