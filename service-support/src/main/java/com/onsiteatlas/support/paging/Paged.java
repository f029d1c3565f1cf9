package com.onsiteatlas.support.paging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.onsiteatlas.support.web.ApiResponse;

/**
 * One page of results and the total count.
 *
 * @param items the page
 * @param total number of matching records
 * @param query the request the page answers
 * @param <T> item type
 */
public record Paged<T>(List<T> items, long total, PageQuery query) {

	public <R> Paged<R> map(Function<T, R> mapper) {
		return new Paged<>(this.items.stream().map(mapper).toList(), this.total, this.query);
	}

	public long totalPages() {
		return (this.total + this.query.limit() - 1) / this.query.limit();
	}

	/**
	 * The ONSITE ATLAS list envelope: {@code {success, message, data:[...],
	 * meta:{pagination:{...}}}}.
	 * @param message the message, may be null
	 * @return the response body
	 */
	public ApiResponse<List<T>> toResponse(String message) {
		Map<String, Object> pagination = new LinkedHashMap<>();
		pagination.put("page", this.query.page());
		pagination.put("limit", this.query.limit());
		pagination.put("total", this.total);
		pagination.put("totalPages", totalPages());
		pagination.put("hasNextPage", this.query.page() < totalPages());
		pagination.put("hasPrevPage", this.query.page() > 1);
		return ApiResponse.withMeta(message, this.items, Map.of("pagination", pagination));
	}

}
