package com.onsiteatlas.reporting.rows;

import java.util.List;

import com.onsiteatlas.reporting.catalog.DataSource;

/**
 * What to read.
 *
 * @param source the data type
 * @param eventId the conference, null for all conferences (global exports)
 * @param filters conditions, all of which must hold
 * @param sorts sort order
 * @param dateRange bounds on the data type's date field, may be null
 */
public record RowQuery(DataSource source, String eventId, List<RowFilter> filters, List<RowSort> sorts,
		DateRange dateRange) {

	public RowQuery {
		filters = (filters != null) ? List.copyOf(filters) : List.of();
		sorts = (sorts != null) ? List.copyOf(sorts) : List.of();
	}

}
