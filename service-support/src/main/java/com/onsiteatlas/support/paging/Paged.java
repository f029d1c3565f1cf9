package com.onsiteatlas.support.paging;

import java.util.List;
import java.util.function.Function;

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

}
