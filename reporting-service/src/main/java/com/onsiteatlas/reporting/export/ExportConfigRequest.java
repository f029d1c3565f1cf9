package com.onsiteatlas.reporting.export;

import java.util.List;

import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

import com.onsiteatlas.reporting.format.ExportOptions;
import com.onsiteatlas.reporting.rows.RowFilter;
import com.onsiteatlas.reporting.rows.RowSort;

/**
 * Body of create and update of an export config.
 *
 * @param name required
 * @param description optional
 * @param exportType excel, csv or pdf
 * @param dataType a catalog data type
 * @param event conference id, optional
 * @param isGlobal visible to all staff (admin and manager only)
 * @param fields catalog fields
 * @param filters conditions
 * @param sorts sort order
 * @param config format options
 */
record ExportConfigRequest(@Size(max = 200) String name, @Size(max = 2000) String description, String exportType,
		String dataType, String event, @JsonProperty("isGlobal") Boolean isGlobal, List<String> fields,
		List<RowFilter> filters, List<RowSort> sorts, ExportOptions config) {
}
