package com.onsiteatlas.domainevents;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A registration or abstract category (id and name). */
public record CategoryRef(@JsonProperty("_id") String id, @JsonProperty(required = true) String name) {

	public CategoryRef {
		Objects.requireNonNull(name, "name is required");
	}

}
