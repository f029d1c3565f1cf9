package com.onsiteatlas.support.web;

import java.util.regex.Pattern;

/**
 * Checks for MongoDB ObjectId strings as ONSITE ATLAS uses them in paths and bodies (24
 * hex characters).
 */
public final class ObjectIds {

	private static final Pattern OBJECT_ID = Pattern.compile("^[a-fA-F0-9]{24}$");

	private ObjectIds() {
	}

	public static boolean isValid(String value) {
		return value != null && OBJECT_ID.matcher(value).matches();
	}

	/**
	 * Returns the id in lower case or fails with a 400 naming the parameter.
	 * @param value the id to check
	 * @param name the parameter name for the message
	 * @return the normalised id
	 */
	public static String require(String value, String name) {
		if (!isValid(value)) {
			throw ApiException.badRequest(
					"Invalid " + name + " '" + abbreviate(value) + "': must be a 24-character hexadecimal ObjectId");
		}
		return value.toLowerCase();
	}

	private static String abbreviate(String value) {
		if (value == null) {
			return "";
		}
		return (value.length() > 40) ? value.substring(0, 40) + "..." : value;
	}

}
