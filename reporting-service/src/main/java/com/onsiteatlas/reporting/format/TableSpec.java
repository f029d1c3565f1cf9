package com.onsiteatlas.reporting.format;

import java.time.Instant;
import java.util.List;

/**
 * What a file shows besides its rows.
 *
 * @param title report title
 * @param eventName the conference, may be null
 * @param filtersText the filters applied, human-readable
 * @param generatedAt generation time
 * @param columns the columns
 * @param options the export options
 */
public record TableSpec(String title, String eventName, String filtersText, Instant generatedAt, List<Column> columns,
		ExportOptions options) {
}
