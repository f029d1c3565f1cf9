package com.onsiteatlas.reporting.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A data type that can be exported or reported on.
 *
 * @param name the data type name ({@code registrations}, {@code food_tracking}, ...)
 * @param rowType the read-model row type it reads
 * @param fixedValues conditions every row must meet (for the builder's resource views)
 * @param dateField the field a date range applies to
 * @param fields its catalog, in default column order
 * @param description what a row is, for data types that need saying (custom)
 * @param joins data types whose rows are joined to each row by registration (custom);
 * empty for plain data types
 */
public record DataSource(String name, @JsonIgnore String rowType, @JsonIgnore Map<String, Object> fixedValues,
		String dateField, List<CatalogField> fields, @JsonInclude(JsonInclude.Include.NON_NULL) String description,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> joins) {

	public DataSource {
		joins = (joins != null) ? List.copyOf(joins) : List.of();
	}

	public CatalogField field(String fieldName) {
		for (CatalogField field : this.fields) {
			if (field.name().equals(fieldName)) {
				return field;
			}
		}
		return null;
	}

	public List<String> fieldNames() {
		return this.fields.stream().map(CatalogField::name).toList();
	}

	/**
	 * The fields by name, in catalog order.
	 * @return name to field
	 */
	public Map<String, CatalogField> byName() {
		Map<String, CatalogField> map = new LinkedHashMap<>();
		this.fields.forEach((field) -> map.put(field.name(), field));
		return map;
	}

	/**
	 * Whether rows of other data types are joined to each row.
	 * @return true for the custom data type
	 */
	public boolean joined() {
		return !this.joins.isEmpty();
	}

	/**
	 * Where a field is stored on this data type's own row ({@code values.<it>}), so that
	 * MongoDB can filter, sort and group on it.
	 * @param field a catalog field name
	 * @return the stored name, or null for a field that comes from a joined row
	 */
	public String storedField(String field) {
		if (!joined()) {
			return field;
		}
		String prefix = this.rowType + ".";
		return (field != null && field.startsWith(prefix)) ? field.substring(prefix.length()) : null;
	}

	/**
	 * The fields MongoDB can filter, sort and group on.
	 * @return field names
	 */
	@JsonProperty("queryableFields")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public List<String> queryableFields() {
		return joined() ? fieldNames().stream().filter((field) -> storedField(field) != null).toList() : null;
	}

}
