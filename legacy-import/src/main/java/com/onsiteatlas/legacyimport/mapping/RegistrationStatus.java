package com.onsiteatlas.legacyimport.mapping;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Registration.status} as the contract allows it, with the spellings older ONSITE
 * ATLAS data and its docs use ({@code confirmed}, {@code pending}, {@code checked-in},
 * {@code canceled}, {@code no_show}, ...).
 */
enum RegistrationStatus {

	ACTIVE("active", Set.of("active", "confirmed", "pending", "registered", "checked-in", "approved", "paid")),

	CANCELLED("cancelled", Set.of("cancelled", "canceled")),

	NO_SHOW("no-show", Set.of("no-show", "noshow"));

	private final String value;

	private final Set<String> spellings;

	RegistrationStatus(String value, Set<String> spellings) {
		this.value = value;
		this.spellings = spellings;
	}

	String value() {
		return this.value;
	}

	/**
	 * The status a stored spelling means; absent means {@code active} (the model's
	 * default).
	 * @param stored the stored value, may be null
	 * @return the status, empty for an unknown spelling
	 */
	static Optional<RegistrationStatus> fromLegacy(String stored) {
		if (stored == null || stored.isBlank()) {
			return Optional.of(ACTIVE);
		}
		String candidate = stored.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
		for (RegistrationStatus status : values()) {
			if (status.spellings.contains(candidate)) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

}
