package com.onsiteatlas.lodging.registrant;

import com.fasterxml.jackson.annotation.JsonProperty;

import com.onsiteatlas.readmodel.RegistrationView;

/**
 * A registration as a picker shows it: enough to tell people apart, nothing more.
 *
 * @param id the registration {@code _id}
 * @param registrationId the human id ({@code REG-0001})
 * @param name first and last name
 * @param email e-mail, may be null
 * @param category the category's name, may be null
 * @param status active, cancelled or no-show
 */
public record Registrant(@JsonProperty("_id") String id, String registrationId, String name, String email,
		String category, String status) {

	static Registrant from(RegistrationView view) {
		return new Registrant(view.id(), view.registrationId(), Registrants.name(view),
				(view.personalInfo() != null) ? view.personalInfo().email() : null,
				(view.category() != null) ? view.category().name() : null,
				(view.status() != null) ? view.status() : "active");
	}

}
