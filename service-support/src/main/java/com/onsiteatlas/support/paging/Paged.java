package com.onsiteatlas.support.paging;

import java.util.List;
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
	 * The list envelope of this page; being replaced by {@link ApiResponse#page}, which
	 * notification and reporting move to next (then this goes).
	 * @param message the message, may be null
	 * @return the response body
	 * @deprecated use {@link ApiResponse#page(String, Paged)}
	 */
	@Deprecated(forRemoval = true)
	public ApiResponse<List<T>> toResponse(String message) {
		return ApiResponse.page(message, this);
	}

}
