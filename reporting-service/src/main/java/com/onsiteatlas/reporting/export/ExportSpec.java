package com.onsiteatlas.reporting.export;

import java.util.List;

import com.onsiteatlas.reporting.format.ExportOptions;
import com.onsiteatlas.reporting.rows.DateRange;
import com.onsiteatlas.reporting.rows.RowFilter;
import com.onsiteatlas.reporting.rows.RowSort;

/**
 * Everything a job needs to produce its file, copied into the job so that later changes
 * to a config do not change a queued job.
 *
 * @param name report title
 * @param exportType excel, csv or pdf
 * @param dataType catalog data type
 * @param eventId conference, null for all
 * @param fields columns
 * @param filters conditions
 * @param sorts order
 * @param dateRange bounds on the data type's date field
 * @param config format options
 */
public record ExportSpec(String name, String exportType, String dataType, String eventId, List<String> fields,
		List<RowFilter> filters, List<RowSort> sorts, DateRange dateRange, ExportOptions config) {
}
