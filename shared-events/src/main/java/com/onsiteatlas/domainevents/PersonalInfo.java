package com.onsiteatlas.domainevents;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A registrant's or author's contact details, as in ONSITE ATLAS
 * {@code Registration.personalInfo}.
 */
public record PersonalInfo(@JsonProperty(required = true) String firstName,
		@JsonProperty(required = true) String lastName, String email, String phone, String organization,
		String designation, String country) {

	public PersonalInfo {
		Objects.requireNonNull(firstName, "firstName is required");
		Objects.requireNonNull(lastName, "lastName is required");
	}

	/**
	 * The display name; ONSITE ATLAS has no single name field.
	 * @return first and last name separated by a space
	 */
	@JsonIgnore
	public String fullName() {
		return (this.firstName + " " + this.lastName).trim();
	}

}
