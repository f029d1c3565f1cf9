package com.onsiteatlas.domainevents.sponsor;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A sponsor as it is after the fact, from ONSITE ATLAS {@code EventSponsor} (no
 * credentials).
 */
public record SponsorSnapshot(@JsonProperty(value = "_id", required = true) String id,
		@JsonProperty(required = true) String sponsorId, @JsonProperty(required = true) String companyName,
		String authorizedPerson, String email, String displayPhoneNumber, Long sponsoringAmountCents, String currency,
		Integer registrantAllotment, String status) {

	public SponsorSnapshot {
		Objects.requireNonNull(id, "_id is required");
		Objects.requireNonNull(sponsorId, "sponsorId is required");
		Objects.requireNonNull(companyName, "companyName is required");
	}

}
