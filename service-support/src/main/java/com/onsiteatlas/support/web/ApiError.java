package com.onsiteatlas.support.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The error body every service returns. {@code success} and {@code message} are what the
 * ONSITE ATLAS client shows; {@code status}, {@code title} and {@code errors} follow RFC
 * 9457 so other clients get structure too.
 *
 * @param success always false
 * @param message what went wrong, for a person
 * @param status the HTTP status, repeated from the response line
 * @param title the status reason phrase
 * @param errors field errors for validation failures, may be null
 * @param correlationId the request's correlation id, for support
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(boolean success, String message, int status, String title, List<FieldError> errors,
		String correlationId) {

	/**
	 * One invalid field.
	 *
	 * @param field the JSON path of the field, e.g. {@code schedule.time}
	 * @param message what is wrong with it
	 */
	public record FieldError(String field, String message) {
	}

}
