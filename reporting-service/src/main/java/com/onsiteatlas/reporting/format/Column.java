package com.onsiteatlas.reporting.format;

import com.onsiteatlas.reporting.catalog.FieldType;

/**
 * A column of an output file.
 *
 * @param field the value key
 * @param header the header text
 * @param type how values are written
 */
public record Column(String field, String header, FieldType type) {
}
