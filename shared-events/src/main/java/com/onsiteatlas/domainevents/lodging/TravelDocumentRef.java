package com.onsiteatlas.domainevents.lodging;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onsiteatlas.domainevents.AllowedValues;

/**
 * A travel document's metadata (never its content or URL); {@code fileSize} is in bytes.
 */
public record TravelDocumentRef(@JsonProperty(value = "_id", required = true) String id,
		@JsonProperty(required = true) @AllowedValues("flight-ticket|visa|passport|other") String type, String name,
		String fileType, Long fileSize) {

	public TravelDocumentRef {
		Objects.requireNonNull(id, "_id is required");
		Objects.requireNonNull(type, "type is required");
	}

}
