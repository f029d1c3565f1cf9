package com.onsiteatlas.domainevents;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The conference (an ONSITE ATLAS {@code Event}) a fact belongs to, denormalised so
 * consumers need no look-up.
 *
 * @param id the conference id
 * @param name the conference name
 * @param startDate first day
 * @param endDate last day
 * @param timezone IANA zone id such as {@code Asia/Kolkata}; null means UTC
 * @param venue where it takes place
 */
public record ConferenceRef(@JsonProperty(value = "_id", required = true) String id,
		@JsonProperty(required = true) String name, Instant startDate, Instant endDate, String timezone, Venue venue) {

	public ConferenceRef {
		Objects.requireNonNull(id, "_id is required");
		Objects.requireNonNull(name, "name is required");
	}

}
