package com.onsiteatlas.support.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.onsiteatlas.support.paging.Paged;

/**
 * The ONSITE ATLAS success envelope. The client reads {@code response.data.data},
 * {@code response.data.message} and, for lists, {@code response.data.meta.pagination}.
 *
 * @param success always true here; errors use {@link ApiError}
 * @param message a human message, may be null
 * @param data the payload
 * @param meta extra information such as {@code pagination}, may be null
 * @param <T> the payload type
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(boolean success, String message, T data, Map<String, Object> meta) {

	public static <T> ApiResponse<T> ok(T data) {
		return new ApiResponse<>(true, null, data, null);
	}

	public static <T> ApiResponse<T> ok(String message, T data) {
		return new ApiResponse<>(true, message, data, null);
	}

	public static <T> ApiResponse<T> withMeta(String message, T data, Map<String, Object> meta) {
		return new ApiResponse<>(true, message, data, meta);
	}

	/**
	 * The ONSITE ATLAS list envelope of one page: {@code {success, message, data:[...],
	 * meta:{pagination:{page, limit, total, totalPages, hasNextPage, hasPrevPage}}}}.
	 * @param message the message, may be null
	 * @param page the page
	 * @param <T> the item type
	 * @return the response body
	 */
	public static <T> ApiResponse<List<T>> page(String message, Paged<T> page) {
		Map<String, Object> pagination = new LinkedHashMap<>();
		pagination.put("page", page.query().page());
		pagination.put("limit", page.query().limit());
		pagination.put("total", page.total());
		pagination.put("totalPages", page.totalPages());
		pagination.put("hasNextPage", page.query().page() < page.totalPages());
		pagination.put("hasPrevPage", page.query().page() > 1);
		return withMeta(message, page.items(), Map.of("pagination", pagination));
	}

}
