package com.onsiteatlas.notification.template;

import com.fasterxml.jackson.annotation.JsonProperty;

import com.onsiteatlas.readmodel.RegistrationView;

/**
 * A registration this service knows for an event (from its projection), offered as the
 * data of a template preview.
 *
 * @param id the registration {@code _id}
 * @param registrationId the human id ({@code REG-0001})
 * @param firstName first name
 * @param lastName last name
 * @param email e-mail
 * @param categoryName registration category
 * @param status active, cancelled or no-show
 */
public record SampleRegistration(@JsonProperty("_id") String id, String registrationId, String firstName,
		String lastName, String email, String categoryName, String status) {

	static SampleRegistration of(RegistrationView view) {
		return new SampleRegistration(view.id(), view.registrationId(),
				(view.personalInfo() != null) ? view.personalInfo().firstName() : null,
				(view.personalInfo() != null) ? view.personalInfo().lastName() : null,
				(view.personalInfo() != null) ? view.personalInfo().email() : null,
				(view.category() != null) ? view.category().name() : null, view.status());
	}

}
