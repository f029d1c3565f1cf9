package com.onsiteatlas.reporting.export;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

import com.onsiteatlas.reporting.format.ExportOptions;
import com.onsiteatlas.reporting.rows.RowFilter;
import com.onsiteatlas.reporting.rows.RowSort;

/**
 * A saved export definition (ExportConfig in docs/reporting.md).
 *
 * @param id the id
 * @param name name
 * @param description description
 * @param exportType excel, csv or pdf
 * @param dataType a catalog data type
 * @param event the conference, null for a config usable in any event
 * @param isGlobal visible to every staff user (otherwise only to its creator)
 * @param fields catalog fields in column order (empty: the whole catalog)
 * @param filters conditions
 * @param sorts sort order
 * @param config sheet name, headers, date and number formats
 * @param createdBy creator's user id
 * @param createdAt creation time
 * @param updatedAt last change
 */
@Document(ExportConfig.COLLECTION)
public record ExportConfig(@Id @JsonProperty("_id") String id, String name, String description, String exportType,
		String dataType, @Indexed String event, @JsonProperty("isGlobal") @Field("isGlobal") boolean isGlobal,
		List<String> fields, List<RowFilter> filters, List<RowSort> sorts, ExportOptions config,
		@Indexed String createdBy, Instant createdAt, Instant updatedAt) {

	public static final String COLLECTION = "export_configs";

}
