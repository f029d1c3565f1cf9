package com.onsiteatlas.notification.delivery;

import jakarta.validation.constraints.Pattern.Flag;
import jakarta.validation.constraints.Size;

/**
 * Which registrations of an event a bulk send reaches (from the registrations read model;
 * {@link AudienceRepository} turns it into criteria).
 *
 * @param category category id or name
 * @param status active, cancelled or no-show (default: active)
 * @param paymentStatus pending, paid or failed
 * @param registrationType registration type
 * @param checkedIn whether checked in
 * @param workshop workshop id the registrant signed up for
 * @param search text in name, e-mail, id or organisation
 */
public record RecipientFilter(@Size(max = 100) String category,
		@jakarta.validation.constraints.Pattern(regexp = "active|cancelled|no-show",
				flags = Flag.CASE_INSENSITIVE) String status,
		@jakarta.validation.constraints.Pattern(regexp = "pending|paid|failed") String paymentStatus,
		@Size(max = 100) String registrationType, Boolean checkedIn, @Size(max = 100) String workshop,
		@Size(max = 200) String search) {

	/** Active registrations. */
	public static RecipientFilter active() {
		return new RecipientFilter(null, null, null, null, null, null, null);
	}

}
