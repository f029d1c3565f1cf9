package com.onsiteatlas.domainevents.registration;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The workshop a registrant signed up for, denormalised for templates
 * ({@code workshopTitle}, date, venue).
 */
public record WorkshopRef(@JsonProperty(required = true) String workshopId, @JsonProperty(required = true) String title,
		Instant startDateTime, Instant endDateTime, String venue, Long priceCents, String currency) {

	public WorkshopRef {
		Objects.requireNonNull(workshopId, "workshopId is required");
		Objects.requireNonNull(title, "title is required");
	}

}
