package com.onsiteatlas.reporting.rows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import com.onsiteatlas.reporting.catalog.CatalogField;
import com.onsiteatlas.reporting.catalog.DataSource;
import com.onsiteatlas.reporting.catalog.FieldCatalog;
import com.onsiteatlas.reporting.catalog.FieldType;

/**
 * Reads read-model rows in catalog terms.
 */
@Service
public class RowService {

	/** Operators accepted in filters, with the short forms of the condition operators. */
	public static final List<String> OPERATORS = List.of("equals", "notEquals", "contains", "greaterThan", "lessThan",
			"between", "isNull", "isNotNull", "in", "notIn", "startsWith", "endsWith", "greaterThanOrEqual",
			"lessThanOrEqual", "eq", "ne", "gt", "gte", "lt", "lte");

	private final RowRepository rows;

	private final FieldCatalog catalog;

	private final RowJoins joins;

	RowService(RowRepository rows, FieldCatalog catalog, RowJoins joins) {
		this.rows = rows;
		this.catalog = catalog;
		this.joins = joins;
	}

	/**
	 * Checks a query against the catalog and the operator list; 400 otherwise.
	 * @param query the query
	 */
	public void validate(RowQuery query) {
		DataSource source = query.source();
		this.catalog.requireQueryable(source, query.filters().stream().map(RowFilter::field).toList(), "filters");
		this.catalog.requireQueryable(source, query.sorts().stream().map(RowSort::field).toList(), "sorts");
		RowRepositoryCriteria.check(query);
	}

	/**
	 * Streams the rows' values in query order; the driver fetches in batches, so memory
	 * stays flat whatever the row count.
	 * @param query a validated query
	 * @param limit maximum rows, 0 for all
	 * @return field values per row
	 */
	public Flux<Map<String, Object>> stream(RowQuery query, int limit) {
		Flux<Document> documents = this.rows.stream(query, limit);
		if (!query.source().joined()) {
			return documents.map(RowService::values);
		}
		// One query per batch of registrations for all their joined rows keeps the stream
		// flat in memory and the round trips few.
		return documents.buffer(RowJoins.JOIN_BATCH).concatMap((batch) -> this.joins.join(query.source(), batch), 1);
	}

	/**
	 * Counts the rows of a query.
	 * @param query a validated query
	 * @return the count
	 */
	public Mono<Long> count(RowQuery query) {
		return this.rows.count(query);
	}

	/**
	 * Groups the rows of a query in one aggregation, sorted by the group keys.
	 * @param query a validated query (its sorts are not used)
	 * @param grouping the group fields, metrics and most groups
	 * @return the groups
	 */
	public Flux<RowGroup> groups(RowQuery query, RowGrouping grouping) {
		return this.rows.group(query, grouping);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> values(Document document) {
		Object values = document.get("values");
		return (values instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	/**
	 * An ISO instant or an ISO date (start of that day, UTC).
	 * @param text the text
	 * @return the instant
	 */
	public static Instant instant(String text) {
		if (text.length() == 10) {
			return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		return Instant.parse(text);
	}

	/**
	 * The field type of a data type's field, for writers.
	 * @param source data type
	 * @param field field name
	 * @return its type
	 */
	public static FieldType type(DataSource source, String field) {
		CatalogField catalogField = source.field(field);
		return (catalogField != null) ? catalogField.type() : FieldType.STRING;
	}

}
