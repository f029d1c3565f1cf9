package com.onsiteatlas.support.web;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

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

}
