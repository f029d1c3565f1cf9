package com.onsiteatlas.reporting.format;

import java.util.Map;

/**
 * The spec's {@code config} of an export, plus the CSV byte-order mark.
 *
 * @param sheetName XLSX sheet name
 * @param includeHeaders whether a header row is written (default true)
 * @param customHeaders field name to column header
 * @param dateFormat a date pattern ({@code yyyy-MM-dd HH:mm}); ISO-8601 UTC by default
 * @param numberFormat a number pattern ({@code #,##0.00}); plain by default
 * @param timezone IANA zone dates are written in; UTC by default
 * @param bom whether a CSV starts with a UTF-8 byte-order mark (for Excel)
 */
public record ExportOptions(String sheetName, Boolean includeHeaders, Map<String, String> customHeaders,
		String dateFormat, String numberFormat, String timezone, Boolean bom) {

	public static ExportOptions defaults() {
		return new ExportOptions(null, true, Map.of(), null, null, null, false);
	}

	public boolean headers() {
		return this.includeHeaders == null || this.includeHeaders;
	}

	public boolean withBom() {
		return Boolean.TRUE.equals(this.bom);
	}

}
