package com.onsiteatlas.notification.trigger;

import java.util.List;

import com.onsiteatlas.support.web.ApiException;

/**
 * What the trigger list is narrowed to.
 *
 * @param triggerType event, scheduled or manual; null for all
 * @param eventType the domain event type of event triggers; null for all
 * @param active active or inactive only; null for both
 * @param search part of the name; null or blank for all
 */
record TriggerFilter(String triggerType, String eventType, Boolean active, String search) {

	private static final List<String> TRIGGER_TYPES = List.of("event", "scheduled", "manual");

	/**
	 * The filter of query parameters.
	 * @param triggerType {@code triggerType}, may be null
	 * @param eventType {@code eventType}, may be null
	 * @param isActive {@code isActive}, may be null
	 * @param search {@code search}, may be null
	 * @return the filter, or a 400 naming the parameter that is not valid
	 */
	static TriggerFilter of(String triggerType, String eventType, String isActive, String search) {
		if (triggerType != null && !TRIGGER_TYPES.contains(triggerType)) {
			throw ApiException.badRequest("'triggerType' must be one of event, scheduled, manual");
		}
		Boolean active = null;
		if (isActive != null) {
			if (!isActive.equals("true") && !isActive.equals("false")) {
				throw ApiException.badRequest("'isActive' must be true or false");
			}
			active = Boolean.valueOf(isActive);
		}
		return new TriggerFilter(triggerType, eventType, active, search);
	}

}
