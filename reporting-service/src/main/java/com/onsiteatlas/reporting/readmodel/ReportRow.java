package com.onsiteatlas.reporting.readmodel;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One reportable fact. Values are keyed by catalog field name, so filters, sorts and
 * exports address {@code values.<field>} directly.
 *
 * @param id {@code <rowType>:<natural key>}
 * @param rowType registrations, abstracts, workshops, payments, resources, sponsors,
 * hotel, travel or notifications
 * @param eventId the conference
 * @param values field values (strings, numbers, dates, booleans, lists)
 * @param firstSeenAt time of the first event about it
 * @param lastEventTime time of the newest snapshot applied; older ones are ignored
 */
@Document(ReportRow.COLLECTION)
@CompoundIndex(name = "event_type", def = "{'eventId': 1, 'rowType': 1}")
// Custom exports read the hotel, travel, payment and abstract rows of a batch of
// registrations.
@CompoundIndex(name = "type_registration", def = "{'rowType': 1, 'values.registrationId': 1}")
public record ReportRow(@Id @JsonProperty("_id") String id, String rowType, String eventId, Map<String, Object> values,
		Instant firstSeenAt, Instant lastEventTime) {

	public static final String COLLECTION = "report_rows";

	/** Field path prefix of the values. */
	public static final String VALUES = "values.";

}
