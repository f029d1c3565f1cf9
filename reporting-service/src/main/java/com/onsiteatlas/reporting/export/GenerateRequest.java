package com.onsiteatlas.reporting.export;

import java.util.List;

import jakarta.validation.constraints.Size;

import com.onsiteatlas.reporting.format.ExportOptions;
import com.onsiteatlas.reporting.rows.DateRange;
import com.onsiteatlas.reporting.rows.RowFilter;
import com.onsiteatlas.reporting.rows.RowSort;

/**
 * Body of {@code POST /api/export/generate}: a saved config (optionally overridden) or an
 * inline one.
 *
 * @param exportConfigId a saved config
 * @param name report title
 * @param exportType excel, csv or pdf
 * @param dataType catalog data type
 * @param event conference id
 * @param eventId alias of event
 * @param fields columns
 * @param filters conditions
 * @param sorts order
 * @param dateRange date bounds
 * @param config format options
 */
record GenerateRequest(String exportConfigId, @Size(max = 200) String name, String exportType, String dataType,
		String event, String eventId, List<String> fields, List<RowFilter> filters, List<RowSort> sorts,
		DateRange dateRange, ExportOptions config) {
}
