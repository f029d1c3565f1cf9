package com.onsiteatlas.notification.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * Filters of the delivery log.
 *
 * @param channel channel
 * @param status status
 * @param trigger trigger id
 * @param template template id
 * @param registration registration {@code _id}
 * @param from created at or after
 * @param to created at or before
 * @param search text in recipient, subject or registration id
 * @param batch the batch (a bulk send or manual trigger) the notification belongs to
 */
record NotificationFilter(String channel, NotificationStatus status, String trigger, String template,
		String registration, Instant from, Instant to, String search, String batch) {

	private static final List<String> CHANNELS = List.of("email", "sms", "whatsapp");

	/**
	 * The filter of the delivery log's query parameters, each optional.
	 * @param channel email, sms or whatsapp
	 * @param status a status value
	 * @param trigger trigger id
	 * @param template template id
	 * @param registration registration {@code _id}
	 * @param dateFrom ISO date or date-time
	 * @param dateTo ISO date or date-time
	 * @param search free text
	 * @param batch a batch id
	 * @return the filter, or a 400 naming the first parameter that is not valid
	 */
	static NotificationFilter of(String channel, String status, String trigger, String template, String registration,
			String dateFrom, String dateTo, String search, String batch) {
		if (channel != null && !CHANNELS.contains(channel)) {
			throw ApiException.badRequest("'channel' must be one of email, sms, whatsapp");
		}
		return new NotificationFilter(channel, status(status), optionalId(trigger, "trigger"),
				optionalId(template, "template"), optionalId(registration, "registration"),
				instant(dateFrom, "dateFrom"), instant(dateTo, "dateTo"), search, SendProgress.batch(batch));
	}

	/**
	 * Every notification of one registration.
	 * @param registration the registration {@code _id}
	 * @return the filter
	 */
	static NotificationFilter ofRegistration(String registration) {
		return new NotificationFilter(null, null, null, null, ObjectIds.require(registration, "registrationId"), null,
				null, null, null);
	}

	private static NotificationStatus status(String value) {
		if (value == null) {
			return null;
		}
		try {
			return NotificationStatus.of(value);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest("'status' must be one of " + NotificationStatus.list());
		}
	}

	private static String optionalId(String value, String name) {
		return (value == null || value.isBlank()) ? null : ObjectIds.require(value, name);
	}

	private static Instant instant(String value, String name) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			catch (DateTimeParseException again) {
				throw ApiException.badRequest("'" + name + "' must be an ISO-8601 date or date-time");
			}
		}
	}

}
