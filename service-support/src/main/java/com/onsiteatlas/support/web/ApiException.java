package com.onsiteatlas.support.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * An error whose status and message are meant for the client. Features throw the
 * subclasses (or their own subclasses in their package); {@link JsonErrorHandler} renders
 * them.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final List<ApiError.FieldError> errors;

	public ApiException(HttpStatus status, String message) {
		this(status, message, List.of());
	}

	public ApiException(HttpStatus status, String message, List<ApiError.FieldError> errors) {
		super(message);
		this.status = status;
		this.errors = List.copyOf(errors);
	}

	public HttpStatus getStatus() {
		return this.status;
	}

	public List<ApiError.FieldError> getErrors() {
		return this.errors;
	}

	/** 400 with optional field errors. */
	public static ApiException badRequest(String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, message);
	}

	public static ApiException badRequest(String message, List<ApiError.FieldError> errors) {
		return new ApiException(HttpStatus.BAD_REQUEST, message, errors);
	}

	/** 404: the resource does not exist or the caller may not know it exists. */
	public static ApiException notFound(String message) {
		return new ApiException(HttpStatus.NOT_FOUND, message);
	}

	/** 409: the request conflicts with the current state. */
	public static ApiException conflict(String message) {
		return new ApiException(HttpStatus.CONFLICT, message);
	}

	/** 403: authenticated, but not allowed. */
	public static ApiException forbidden(String message) {
		return new ApiException(HttpStatus.FORBIDDEN, message);
	}

}
