package com.onsiteatlas.domainevents.abstracts;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onsiteatlas.domainevents.CategoryRef;

/**
 * An abstract as it is after the fact; {@code authors} is the model's free-text author
 * line.
 */
public record AbstractSnapshot(@JsonProperty(value = "_id", required = true) String id, String abstractNumber,
		@JsonProperty(required = true) String title, String topic, String subTopic, String submissionType,
		CategoryRef category, String authors, AbstractStatus status) {

	public AbstractSnapshot {
		Objects.requireNonNull(id, "_id is required");
		Objects.requireNonNull(title, "title is required");
	}

}
