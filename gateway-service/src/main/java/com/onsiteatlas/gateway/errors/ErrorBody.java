package com.onsiteatlas.gateway.errors;

/**
 * The ONSITE ATLAS error envelope; the frontend shows {@code message}.
 *
 * @param success always {@code false}
 * @param message a human-readable reason
 */
record ErrorBody(boolean success, String message) {

	/**
	 * An error body.
	 * @param message the reason
	 * @return the body
	 */
	public static ErrorBody of(String message) {
		return new ErrorBody(false, message);
	}

}
