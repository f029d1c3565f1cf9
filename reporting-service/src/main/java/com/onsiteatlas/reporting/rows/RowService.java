package com.onsiteatlas.reporting.rows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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

	RowService(ReactiveMongoTemplate mongo, FieldCatalog catalog) {
		this.mongo = mongo;
		this.catalog = catalog;
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
			all.add(condition(ReportRow.VALUES + source.storedField(field.name()), field, filter));
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
		return documents.buffer(JOIN_BATCH).concatMap((batch) -> joinBatch(query.source(), batch), 1);
	}

	/** Registrations whose joined rows are read with one query. */
	static final int JOIN_BATCH = 500;

	private Flux<Map<String, Object>> joinBatch(DataSource source, List<Document> batch) {
		Set<String> eventIds = new HashSet<>();
		Set<String> registrationIds = new HashSet<>();
		for (Document document : batch) {
			Object registrationId = values(document).get("registrationId");
			if (registrationId != null) {
				registrationIds.add(registrationId.toString());
				eventIds.add(document.getString("eventId"));
			}
		}
		Query related = Query
			.query(Criteria.where("rowType")
				.in(source.joins())
				.and("eventId")
				.in(eventIds)
				.and(ReportRow.VALUES + "registrationId")
				.in(registrationIds))
			.with(Sort.by("lastEventTime", "_id"));
		related.fields().include("rowType").include("eventId").include("values");
		// Per registration and joined type: the newest row (sorted by event time, so the
		// last one read) and the number of rows.
		Mono<Map<String, Map<String, Joined>>> joined = registrationIds.isEmpty() ? Mono.just(Map.of())
				: this.mongo.find(related, Document.class, ReportRow.COLLECTION)
					.collect(HashMap<String, Map<String, Joined>>::new,
							(byKey, row) -> byKey.computeIfAbsent(key(row), (k) -> new HashMap<>())
								.merge(row.getString("rowType"), new Joined(values(row), 1),
										(older, newer) -> new Joined(newer.values(), older.count() + 1)));
		return joined.flatMapIterable((byKey) -> batch.stream().map((document) -> {
			Map<String, Object> row = new HashMap<>();
			values(document).forEach((field, value) -> row.put(source.rowType() + "." + field, value));
			Map<String, Joined> types = byKey.getOrDefault(key(document), Map.of());
			for (String type : source.joins()) {
				Joined match = types.get(type);
				row.put(type + ".count", (match != null) ? match.count() : 0);
				if (match != null) {
					match.values().forEach((field, value) -> row.put(type + "." + field, value));
				}
			}
			return row;
		}).toList());
	}

	private static String key(Document row) {
		return row.getString("eventId") + "|" + values(row).get("registrationId");
	}

	/**
	 * The newest joined row of one type and how many rows of that type there are.
	 */
	private record Joined(Map<String, Object> values, int count) {
	}

	public Mono<Long> count(RowQuery query) {
		return this.mongo.count(Query.query(criteria(query)), ReportRow.COLLECTION);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> values(Document document) {
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

	private static Criteria condition(String path, CatalogField field, RowFilter filter) {
		String operator = (filter.operator() != null) ? filter.operator() : "equals";
		Criteria where = Criteria.where(path);
		return switch (operator) {
			case "equals", "eq" -> (filter.value() == null) ? where.is(null) : where.is(value(field, filter.value()));
			case "notEquals", "ne" -> where.ne(value(field, filter.value()));
			case "contains" -> where.regex(Pattern.compile(Pattern.quote(text(filter)), Pattern.CASE_INSENSITIVE));
			case "startsWith" ->
				where.regex(Pattern.compile("^" + Pattern.quote(text(filter)), Pattern.CASE_INSENSITIVE));
			case "endsWith" ->
				where.regex(Pattern.compile(Pattern.quote(text(filter)) + "$", Pattern.CASE_INSENSITIVE));
			case "greaterThan", "gt" -> where.gt(value(field, filter.value()));
			case "greaterThanOrEqual", "gte" -> where.gte(value(field, filter.value()));
			case "lessThan", "lt" -> where.lt(value(field, filter.value()));
			case "lessThanOrEqual", "lte" -> where.lte(value(field, filter.value()));
			case "between" -> {
				List<Object> bounds = list(filter.value());
				if (bounds.size() != 2) {
					throw ApiException
						.badRequest("Filter '" + field.name() + "' between needs two values, e.g. [from, to]");
				}
				yield where.gte(value(field, bounds.get(0))).lte(value(field, bounds.get(1)));
			}
			case "isNull" -> new Criteria().orOperator(Criteria.where(path).exists(false),
					Criteria.where(path).is(null), Criteria.where(path).is(""));
			case "isNotNull" -> new Criteria().andOperator(Criteria.where(path).exists(true),
					Criteria.where(path).ne(null), Criteria.where(path).ne(""));
			case "in" -> where.in(list(filter.value()).stream().map((v) -> value(field, v)).toList());
			case "notIn" -> where.nin(list(filter.value()).stream().map((v) -> value(field, v)).toList());
			default -> throw ApiException.badRequest("Unknown filter operator '" + operator + "' on '" + field.name()
					+ "'; valid operators: " + String.join(", ", OPERATORS));
		};
	}

	private static String text(RowFilter filter) {
		if (filter.value() == null) {
			throw ApiException.badRequest("Filter '" + filter.field() + "' " + filter.operator() + " needs a value");
		}
		return String.valueOf(filter.value());
	}

	private static List<Object> list(Object value) {
		if (value instanceof Collection<?> collection) {
			return new ArrayList<>(collection);
		}
		if (value instanceof String text) {
			return new ArrayList<>(Arrays.asList((Object[]) text.split(",")));
		}
		return (value != null) ? List.of(value) : List.of();
	}

	/**
	 * Converts a filter value to the field's stored type; 400 when it does not fit.
	 */
	static Object value(CatalogField field, Object raw) {
		if (raw == null) {
			throw ApiException.badRequest("Filter '" + field.name() + "' needs a value");
		}
		String text = String.valueOf(raw).trim();
		try {
			return switch (field.type()) {
				case NUMBER -> (raw instanceof Number number) ? number : Double.valueOf(text);
				case BOOLEAN -> bool(field, raw, text);
				case DATE -> Date.from(instant(text));
				case STRING, LIST -> text;
			};
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw ApiException.badRequest("Filter value '" + text + "' is not a valid "
					+ field.type().name().toLowerCase(Locale.ROOT) + " for '" + field.name() + "'");
		}
	}

	private static Boolean bool(CatalogField field, Object raw, String text) {
		if (raw instanceof Boolean value) {
			return value;
		}
		if ("true".equalsIgnoreCase(text) || "yes".equalsIgnoreCase(text)) {
			return true;
		}
		if ("false".equalsIgnoreCase(text) || "no".equalsIgnoreCase(text)) {
			return false;
		}
		throw ApiException.badRequest("Filter value '" + text + "' is not a boolean for '" + field.name() + "'");
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
