package com.onsiteatlas.reporting.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A data type that can be exported or reported on.
 *
 * @param name the data type name ({@code registrations}, {@code food_tracking}, ...)
 * @param rowType the read-model row type it reads
 * @param fixedValues conditions every row must meet (for the builder's resource views)
 * @param dateField the field a date range applies to
 * @param fields its catalog, in default column order
 */
public record DataSource(String name, @JsonIgnore String rowType, @JsonIgnore Map<String, Object> fixedValues,
		String dateField, List<CatalogField> fields) {

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

}
