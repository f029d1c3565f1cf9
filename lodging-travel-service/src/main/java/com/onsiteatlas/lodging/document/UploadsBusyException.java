package com.onsiteatlas.lodging.document;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * 429: too many uploads in flight; {@code Retry-After} says when to try again. A
 * {@link ResponseStatusException} so that the service's error handler copies the header.
 */
class UploadsBusyException extends ResponseStatusException {

	private final HttpHeaders headers = new HttpHeaders();

	UploadsBusyException(String message, Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, message);
		this.headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

}
