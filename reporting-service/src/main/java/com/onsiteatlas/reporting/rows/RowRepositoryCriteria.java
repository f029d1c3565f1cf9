package com.onsiteatlas.reporting.rows;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.data.mongodb.core.query.Criteria;

import com.onsiteatlas.reporting.catalog.CatalogField;
import com.onsiteatlas.reporting.catalog.DataSource;
import com.onsiteatlas.reporting.readmodel.ReportRow;
import com.onsiteatlas.support.web.ApiException;

/**
 * The Mongo criteria of a row query, for {@link RowRepositoryImpl}: event, row type,
 * fixed values, date range, and each filter as a condition on a stored field (its
 * operator, and its value converted to the field's stored type); a 400 naming the filter
 * when either does not fit. Its name keeps it among the repository classes that may build
 * queries.
 */
final class RowRepositoryCriteria {

	private RowRepositoryCriteria() {
	}

	/**
	 * Checks that a query's filters and date range make criteria; 400 otherwise.
	 * @param query the query
	 */
	static void check(RowQuery query) {
		of(query);
	}

	/**
	 * The Mongo criteria of a query (event, row type, fixed values, filters, date range).
	 * @param query a validated query
	 * @return the criteria
	 */
	static Criteria of(RowQuery query) {
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
	 * The condition of a filter.
	 * @param path the stored field's path
	 * @param field the catalog field
	 * @param filter the filter
	 * @return the condition
	 */
	static Criteria condition(String path, CatalogField field, RowFilter filter) {
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
					+ "'; valid operators: " + String.join(", ", RowService.OPERATORS));
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
				case DATE -> Date.from(RowService.instant(text));
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

}
