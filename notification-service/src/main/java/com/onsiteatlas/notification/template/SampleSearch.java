package com.onsiteatlas.notification.template;

import com.onsiteatlas.support.web.ApiException;

/**
 * What the template editor looks for among the registrations it can preview with.
 *
 * @param text part of a name, e-mail, id or organisation; null or blank for all
 * @param limit at most this many, 1..50
 */
record SampleSearch(String text, int limit) {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 50;

	static final int MAX_TEXT = 200;

	/**
	 * The search of query parameters.
	 * @param text {@code search}, may be null
	 * @param limit {@code limit}, may be null (20)
	 * @return the search, or a 400 naming the parameter that is out of bounds
	 */
	static SampleSearch of(String text, String limit) {
		int max = DEFAULT_LIMIT;
		if (limit != null) {
			try {
				max = Integer.parseInt(limit);
			}
			catch (NumberFormatException ex) {
				max = -1;
			}
			if (max < 1 || max > MAX_LIMIT) {
				throw ApiException.badRequest("'limit' must be a number from 1 to " + MAX_LIMIT);
			}
		}
		if (text != null && text.length() > MAX_TEXT) {
			throw ApiException.badRequest("'search' must be at most " + MAX_TEXT + " characters");
		}
		return new SampleSearch(text, max);
	}

}
