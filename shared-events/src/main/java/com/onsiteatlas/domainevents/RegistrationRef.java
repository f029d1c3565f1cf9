package com.onsiteatlas.domainevents;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A pointer to a registration: its Mongo id and, when known, its human id. */
public record RegistrationRef(@JsonProperty(value = "_id", required = true) String id, String registrationId) {

	public RegistrationRef {
		Objects.requireNonNull(id, "_id is required");
	}

}
