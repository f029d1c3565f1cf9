package com.onsiteatlas.reporting.rows;

import java.util.List;

/**
 * One group of rows.
 *
 * @param keys the group's values of the grouped fields, in their order (null for a
 * missing value)
 * @param metrics the group's metric values, in their order
 */
public record RowGroup(List<Object> keys, List<Object> metrics) {
}
