package com.onsiteatlas.legacyimport.mapping;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Registration.paymentStatus} as the contract allows it, with the spellings
 * payment providers left in older data ({@code completed}, {@code success},
 * {@code unpaid}, ...).
 */
enum PaymentStatus {

	PENDING("pending", Set.of("pending", "unpaid", "initiated", "created")),

	PAID("paid", Set.of("paid", "completed", "complete", "success", "successful", "captured")),

	FAILED("failed", Set.of("failed", "failure", "declined"));

	private final String value;

	private final Set<String> spellings;

	PaymentStatus(String value, Set<String> spellings) {
		this.value = value;
		this.spellings = spellings;
	}

	String value() {
		return this.value;
	}

	/**
	 * The status a stored spelling means.
	 * @param stored the stored value, may be null
	 * @return the status, empty when absent or unknown
	 */
	static Optional<PaymentStatus> fromLegacy(String stored) {
		if (stored == null || stored.isBlank()) {
			return Optional.empty();
		}
		String candidate = stored.strip().toLowerCase(Locale.ROOT);
		for (PaymentStatus status : values()) {
			if (status.spellings.contains(candidate)) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

}
