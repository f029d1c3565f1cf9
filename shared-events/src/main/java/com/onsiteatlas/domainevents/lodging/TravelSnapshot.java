package com.onsiteatlas.domainevents.lodging;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onsiteatlas.domainevents.AllowedValues;

/** A registration's travel itinerary as it is after the fact. */
public record TravelSnapshot(@JsonProperty(value = "_id", required = true) String id, TravelLeg arrival,
		TravelLeg departure, @JsonProperty(required = true) @AllowedValues("pending|confirmed|completed") String status,
		int documentCount) {

	public TravelSnapshot {
		Objects.requireNonNull(id, "_id is required");
		Objects.requireNonNull(status, "status is required");
	}

}
