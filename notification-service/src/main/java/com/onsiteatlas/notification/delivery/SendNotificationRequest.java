package com.onsiteatlas.notification.delivery;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST notifications/send}: one or more templates to explicit
 * registrations, or to every registration matching a filter, or to explicit addresses.
 *
 * @param templateId the template
 * @param templateIds several templates (one per channel)
 * @param registrationIds explicit registration {@code _id}s
 * @param filter a registration filter, when no ids are given
 * @param recipients explicit addresses (no registration)
 * @param data extra template variables
 */
record SendNotificationRequest(@Size(min = 24, max = 24) String templateId,
		@Size(max = 3) List<@Size(min = 24, max = 24) String> templateIds, List<@NotBlank String> registrationIds,
		@Valid RecipientFilter filter, @Size(max = 1000) List<@Valid Address> recipients, Map<String, Object> data) {

	/**
	 * An explicit recipient.
	 *
	 * @param name name
	 * @param email e-mail
	 * @param phone phone
	 */
	record Address(@Size(max = 200) String name, @jakarta.validation.constraints.Email @Size(max = 320) String email,
			@Size(max = 32) String phone) {
	}

}
