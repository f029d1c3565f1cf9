package com.onsiteatlas.support.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Sort;

/**
 * A validated page request.
 *
 * @param page 1-based page number
 * @param limit page size, 1 to {@link #MAX_LIMIT}
 * @param sort the sort order, only on allowed fields
 */
public record PageQuery(int page, int limit, Sort sort) {

	public static final int DEFAULT_LIMIT = 20;

	public static final int MAX_LIMIT = 500;

	public long offset() {
		return (long) (this.page - 1) * this.limit;
	}

	/**
	 * Parses the ONSITE ATLAS paging parameters.
	 * @param page {@code page} parameter, may be null
	 * @param limit {@code limit} parameter, may be null
	 * @param sortBy {@code sortBy} parameter such as {@code createdAt:desc,name:asc}, may
	 * be null
	 * @param sortable API field name to stored field name of the fields that may be
	 * sorted on
	 * @param defaultSort sort when none is given
	 * @return the query
	 * @throws InvalidPageQueryException with a message naming the bad parameter
	 */
	public static PageQuery parse(String page, String limit, String sortBy, Map<String, String> sortable,
			Sort defaultSort) {
		int pageNumber = positiveInt(page, "page", 1, Integer.MAX_VALUE / MAX_LIMIT);
		int pageSize = positiveInt(limit, "limit", DEFAULT_LIMIT, MAX_LIMIT);
		Sort sort = (sortBy == null || sortBy.isBlank()) ? defaultSort : parseSort(sortBy, sortable);
		return new PageQuery(pageNumber, pageSize, sort);
	}

	private static int positiveInt(String value, String name, int fallback, int max) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		int parsed;
		try {
			parsed = Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidPageQueryException("'" + name + "' must be a positive integer");
		}
		if (parsed < 1) {
			throw new InvalidPageQueryException("'" + name + "' must be a positive integer");
		}
		if (parsed > max) {
			throw new InvalidPageQueryException("'" + name + "' must not exceed " + max);
		}
		return parsed;
	}

	private static Sort parseSort(String sortBy, Map<String, String> sortable) {
		List<Sort.Order> orders = new ArrayList<>();
		for (String part : sortBy.split(",")) {
			String[] pieces = part.trim().split(":");
			String field = pieces[0].trim();
			String direction = (pieces.length > 1) ? pieces[1].trim().toLowerCase() : "asc";
			if (pieces.length > 2 || !sortable.containsKey(field)) {
				throw new InvalidPageQueryException(
						"Cannot sort by '" + field + "'; sortable fields: " + String.join(", ", sortable.keySet()));
			}
			if (!direction.equals("asc") && !direction.equals("desc")) {
				throw new InvalidPageQueryException("Sort direction must be 'asc' or 'desc', got '" + direction + "'");
			}
			orders.add(direction.equals("asc") ? Sort.Order.asc(sortable.get(field))
					: Sort.Order.desc(sortable.get(field)));
		}
		return Sort.by(orders);
	}

}
