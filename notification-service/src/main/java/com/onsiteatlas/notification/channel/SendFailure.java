package com.onsiteatlas.notification.channel;

import java.time.Duration;

/**
 * A send that did not go through, classified for the retry policy: transient failures
 * (timeouts, 5xx, 429, refused connections) are retried with backoff, permanent ones
 * (invalid recipient, bad credentials, other 4xx) fail at once.
 */
public class SendFailure extends RuntimeException {

	private final boolean transientFailure;

	private final String code;

	private final Duration retryAfter;

	public SendFailure(boolean transientFailure, String code, String message, Duration retryAfter, Throwable cause) {
		super(message, cause);
		this.transientFailure = transientFailure;
		this.code = code;
		this.retryAfter = retryAfter;
	}

	public static SendFailure permanent(String code, String message) {
		return new SendFailure(false, code, message, null, null);
	}

	public static SendFailure temporary(String code, String message, Duration retryAfter) {
		return new SendFailure(true, code, message, retryAfter, null);
	}

	public boolean isTransient() {
		return this.transientFailure;
	}

	public String code() {
		return this.code;
	}

	/**
	 * The provider's Retry-After, if it sent one.
	 * @return the delay or null
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
