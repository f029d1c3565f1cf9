package com.onsiteatlas.reporting.rows;

/**
 * One condition: the ReportBuilder's {@code {field, operator, value}}.
 *
 * @param field a catalog field
 * @param operator equals, notEquals, contains, greaterThan, lessThan, between, isNull,
 * isNotNull, or one of the condition operators (in, notIn, startsWith, endsWith,
 * greaterThanOrEqual, lessThanOrEqual and the short forms eq, ne, gt, gte, lt, lte)
 * @param value the value; a two-element list (or {@code "a,b"}) for between, a list for
 * in and notIn
 */
public record RowFilter(String field, String operator, Object value) {
}
