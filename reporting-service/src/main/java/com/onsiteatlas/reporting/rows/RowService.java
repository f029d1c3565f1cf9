package com.onsiteatlas.reporting.rows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.onsiteatlas.reporting.catalog.CatalogField;
import com.onsiteatlas.reporting.catalog.DataSource;
import com.onsiteatlas.reporting.catalog.FieldCatalog;
import com.onsiteatlas.reporting.catalog.FieldType;
import com.onsiteatlas.reporting.readmodel.ReportRow;
import com.onsiteatlas.support.web.ApiException;

/**
 * Reads read-model rows in catalog terms.
 */
@Service
public class RowService {

	/** Operators accepted in filters, with the short forms of the condition operators. */
	public static final List<String> OPERATORS = List.of("equals", "notEquals", "contains", "greaterThan", "lessThan",
			"between", "isNull", "isNotNull", "in", "notIn", "startsWith", "endsWith", "greaterThanOrEqual",
			"lessThanOrEqual", "eq", "ne", "gt", "gte", "lt", "lte");

	private final ReactiveMongoTemplate mongo;

	private final FieldCatalog catalog;

	private final RowJoins joins;

	RowService(ReactiveMongoTemplate mongo, FieldCatalog catalog, RowJoins joins) {
		this.mongo = mongo;
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
		criteria(query);
	}

	/**
	 * The Mongo criteria of a query (event, row type, fixed values, filters, date range).
	 * @param query a validated query
	 * @return the criteria
	 */
	public Criteria criteria(RowQuery query) {
		DataSource source = query.source();
		List<Criteria> all = new ArrayList<>();
		all.add(Criteria.where("rowType").is(source.rowType()));
		if (query.eventId() != null) {
			all.add(Criteria.where("eventId").is(query.eventId()));
		}
		source.fixedValues().forEach((field, value) -> all.add(Criteria.where(ReportRow.VALUES + field).is(value)));
		for (RowFilter filter : query.filters()) {
			CatalogField field = source.field(filter.field());
			if (field == null || source.storedField(field.name()) == null) {
				throw ApiException.badRequest("Unknown filter field '" + filter.field() + "'; valid fields: "
						+ String.join(", ", source.joined() ? source.queryableFields() : source.fieldNames()));
			}
			all.add(RowConditions.condition(ReportRow.VALUES + source.storedField(field.name()), field, filter));
		}
		DateRange range = query.dateRange();
		if (range != null && (range.from() != null || range.to() != null)) {
			Criteria date = Criteria.where(ReportRow.VALUES + source.storedField(source.dateField()));
			if (range.from() != null) {
				date = date.gte(Date.from(range.from()));
			}
			if (range.to() != null) {
				date = date.lte(Date.from(range.to()));
			}
			all.add(date);
		}
		return new Criteria().andOperator(all);
	}

	/**
	 * Streams the rows' values in query order; the driver fetches in batches, so memory
	 * stays flat whatever the row count.
	 * @param query a validated query
	 * @param limit maximum rows, 0 for all
	 * @return field values per row
	 */
	public Flux<Map<String, Object>> stream(RowQuery query, int limit) {
		Query mongoQuery = Query.query(criteria(query)).with(sort(query)).cursorBatchSize(1000);
		mongoQuery.fields().include("values");
		if (query.source().joined()) {
			mongoQuery.fields().include("eventId");
		}
		if (limit > 0) {
			mongoQuery.limit(limit);
		}
		Flux<Document> documents = this.mongo.find(mongoQuery, Document.class, ReportRow.COLLECTION);
		if (!query.source().joined()) {
			return documents.map(RowService::values);
		}
		// One query per batch of registrations for all their joined rows keeps the stream
		// flat in memory and the round trips few.
		return documents.buffer(RowJoins.JOIN_BATCH).concatMap((batch) -> this.joins.join(query.source(), batch), 1);
	}

	public Mono<Long> count(RowQuery query) {
		return this.mongo.count(Query.query(criteria(query)), ReportRow.COLLECTION);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> values(Document document) {
		Object values = document.get("values");
		return (values instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	private static Sort sort(RowQuery query) {
		Sort sort = Sort.unsorted();
		for (RowSort rowSort : query.sorts()) {
			sort = sort.and(Sort.by(rowSort.descending() ? Sort.Direction.DESC : Sort.Direction.ASC,
					ReportRow.VALUES + query.source().storedField(rowSort.field())));
		}
		// _id last keeps the order stable across pages and restarts.
		return sort.and(Sort.by("_id"));
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
