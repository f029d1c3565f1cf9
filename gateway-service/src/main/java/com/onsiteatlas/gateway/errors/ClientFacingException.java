package com.onsiteatlas.gateway.errors;

import org.springframework.http.HttpStatusCode;

/**
 * An error whose status and message are meant for the caller as they are;
 * {@link JsonErrorWebExceptionHandler} writes it unchanged, even when it arrives wrapped
 * in another exception.
 */
public class ClientFacingException extends RuntimeException {

	private final HttpStatusCode statusCode;

	public ClientFacingException(HttpStatusCode statusCode, String message) {
		super(message, null, false, false);
		this.statusCode = statusCode;
	}

	public HttpStatusCode getStatusCode() {
		return this.statusCode;
	}

}
