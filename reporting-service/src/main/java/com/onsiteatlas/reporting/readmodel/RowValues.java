package com.onsiteatlas.reporting.readmodel;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.PersonalInfo;
import com.onsiteatlas.domainevents.RegistrationSnapshot;

/**
 * The field values a domain event sets on a row, in insertion order, nulls allowed; with
 * the values every attendee row shares and the conversions rows store (dates, the
 * conference's zone).
 */
final class RowValues {

	private final Map<String, Object> map = new LinkedHashMap<>();

	RowValues put(String field, Object value) {
		this.map.put(field, value);
		return this;
	}

	Map<String, Object> asMap() {
		return this.map;
	}

	/**
	 * The values of a row about an attendee: registration id, name, e-mail, category.
	 * @param registration the registration, may be null (no values)
	 * @return the values
	 */
	static RowValues attendee(RegistrationSnapshot registration) {
		if (registration == null) {
			return new RowValues();
		}
		return new RowValues().put("registrationId", registration.registrationId())
			.put("attendeeName", name(registration.personalInfo()))
			.put("email", registration.personalInfo().email())
			.put("category", (registration.category() != null) ? registration.category().name() : null);
	}

	static String name(PersonalInfo info) {
		return (info.firstName() + " " + info.lastName()).trim();
	}

	static Date date(Instant instant) {
		return (instant != null) ? Date.from(instant) : null;
	}

	/**
	 * The conference's time zone, UTC when it has none or an unknown one.
	 * @param event the conference
	 * @return the zone
	 */
	static ZoneId zone(ConferenceRef event) {
		try {
			return (event.timezone() != null) ? ZoneId.of(event.timezone()) : ZoneOffset.UTC;
		}
		catch (RuntimeException ex) {
			return ZoneOffset.UTC;
		}
	}

}
