package com.onsiteatlas.readmodel;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import com.onsiteatlas.domainevents.Venue;
import com.onsiteatlas.domainevents.conference.SenderSettings;

/**
 * A conference (ONSITE ATLAS {@code Event}) as this service last heard of it.
 *
 * @param id conference id
 * @param name name
 * @param startDate first day
 * @param endDate last day
 * @param timezone IANA zone id, null meaning UTC
 * @param status draft, published or archived
 * @param venue venue
 * @param currency default currency
 * @param locale locale such as {@code en-IN}
 * @param sender e-mail sender settings
 * @param deleted whether an event-deleted arrived
 * @param lastEventTime time of the newest event applied
 */
@Document(ConferenceView.COLLECTION)
public record ConferenceView(@Id @JsonProperty("_id") String id, String name, Instant startDate, Instant endDate,
		String timezone, String status, Venue venue, String currency, String locale, SenderSettings sender,
		boolean deleted, Instant lastEventTime) {

	public static final String COLLECTION = "conferences";

	/**
	 * The conference's zone; UTC when none or an unknown id was sent.
	 * @return the zone
	 */
	public ZoneId zone() {
		if (this.timezone == null || this.timezone.isBlank()) {
			return ZoneOffset.UTC;
		}
		try {
			return ZoneId.of(this.timezone);
		}
		catch (RuntimeException ex) {
			return ZoneOffset.UTC;
		}
	}

}
