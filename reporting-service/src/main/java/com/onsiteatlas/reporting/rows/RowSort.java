package com.onsiteatlas.reporting.rows;

/**
 * A sort on a catalog field.
 *
 * @param field the field
 * @param direction asc or desc
 */
public record RowSort(String field, String direction) {

	public boolean descending() {
		return "desc".equalsIgnoreCase(this.direction);
	}

}
