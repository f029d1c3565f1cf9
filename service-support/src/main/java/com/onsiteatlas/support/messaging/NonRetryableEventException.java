package com.onsiteatlas.support.messaging;

/**
 * Thrown by a handler when a message can never succeed (e.g. it refers to data that
 * violates an invariant), so it goes to the dead-letter topic at once instead of being
 * retried.
 */
public class NonRetryableEventException extends RuntimeException {

	public NonRetryableEventException(String message) {
		super(message);
	}

	public NonRetryableEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
