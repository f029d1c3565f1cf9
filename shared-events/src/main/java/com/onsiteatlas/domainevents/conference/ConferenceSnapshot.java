package com.onsiteatlas.domainevents.conference;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.onsiteatlas.domainevents.AllowedValues;
import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.Venue;

/**
 * A conference's full state after the fact; {@code timezone} is an IANA id, null meaning
 * UTC.
 */
public record ConferenceSnapshot(@JsonProperty(value = "_id", required = true) String id,
		@JsonProperty(required = true) String name, @JsonProperty(required = true) Instant startDate,
		@JsonProperty(required = true) Instant endDate, String timezone,
		@AllowedValues("draft|published|archived") String status, Venue venue, String currency, String locale,
		SenderSettings sender) {

	public ConferenceSnapshot {
		Objects.requireNonNull(id, "_id is required");
		Objects.requireNonNull(name, "name is required");
		Objects.requireNonNull(startDate, "startDate is required");
		Objects.requireNonNull(endDate, "endDate is required");
	}

	/**
	 * The denormalised form other payloads carry.
	 * @return the conference reference
	 */
	@JsonIgnore
	public ConferenceRef toRef() {
		return new ConferenceRef(this.id, this.name, this.startDate, this.endDate, this.timezone, this.venue);
	}

}
