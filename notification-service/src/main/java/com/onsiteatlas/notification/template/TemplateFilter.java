package com.onsiteatlas.notification.template;

import java.util.List;

import com.onsiteatlas.support.web.ApiException;

/**
 * What the template list is narrowed to.
 *
 * @param type email, sms or whatsapp; null for all
 * @param active active or inactive only; null for both
 * @param search part of the name; null or blank for all
 */
record TemplateFilter(String type, Boolean active, String search) {

	private static final List<String> TYPES = List.of("email", "sms", "whatsapp");

	/**
	 * The filter of query parameters.
	 * @param type {@code type}, may be null
	 * @param channel {@code channel}, the older name of {@code type}, may be null
	 * @param isActive {@code isActive}, may be null
	 * @param search {@code search}, may be null
	 * @return the filter, or a 400 naming the parameter that is not valid
	 */
	static TemplateFilter of(String type, String channel, String isActive, String search) {
		String kind = (type != null) ? type : channel;
		if (kind != null && !TYPES.contains(kind)) {
			throw ApiException.badRequest("'type' must be one of email, sms, whatsapp");
		}
		return new TemplateFilter(kind, bool(isActive, "isActive"), search);
	}

	private static Boolean bool(String value, String name) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!value.equals("true") && !value.equals("false")) {
			throw ApiException.badRequest("'" + name + "' must be true or false");
		}
		return Boolean.valueOf(value);
	}

}
