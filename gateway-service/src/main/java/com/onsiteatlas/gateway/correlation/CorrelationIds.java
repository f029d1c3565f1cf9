package com.onsiteatlas.gateway.correlation;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Accepts a caller's correlation id when it is 8 to 64 characters of
 * {@code [A-Za-z0-9_-]}, otherwise makes a new random UUID. The restriction keeps ids
 * safe to log and to echo in headers.
 */
final class CorrelationIds {

	private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9_-]{8,64}");

	private CorrelationIds() {
	}

	/**
	 * The id to use for a request.
	 * @param incoming the caller's {@code X-Correlation-Id}, may be {@code null}
	 * @return the caller's id if acceptable, otherwise a new one
	 */
	public static String acceptOrGenerate(String incoming) {
		return isAcceptable(incoming) ? incoming : UUID.randomUUID().toString();
	}

	/**
	 * Whether a caller-supplied id is used as it is.
	 * @param candidate the id
	 * @return {@code true} if it is 8-64 characters of letters, digits, {@code -} and
	 * {@code _}
	 */
	public static boolean isAcceptable(String candidate) {
		return candidate != null && ACCEPTED.matcher(candidate).matches();
	}

}
