package com.onsiteatlas.support.crypto;

/**
 * What a key protects. Each purpose has its own keyring ({@code atlas.crypto.<name>.*}),
 * so a leaked or rotated key of one purpose leaves the others alone; without a keyring
 * its key is derived from {@code ATLAS_ENCRYPTION_KEY} with this purpose's label.
 */
public enum KeyPurpose {

	/** Provider credentials: notification channel settings, report schedule secrets. */
	PROVIDER_SECRETS("provider-secrets"),

	/** Travel and lodging documents (passports, tickets, booking confirmations). */
	DOCUMENTS("documents"),

	/** Export files and kept scheduled reports. */
	EXPORT_FILES("export-files"),

	/** The HMAC of one-click unsubscribe links. */
	UNSUBSCRIBE_LINKS("unsubscribe-links");

	private final String label;

	KeyPurpose(String label) {
		this.label = label;
	}

	/**
	 * The purpose's name in configuration and on the command line.
	 * @return e.g. {@code provider-secrets}
	 */
	public String label() {
		return this.label;
	}

	/**
	 * The purpose of a label.
	 * @param label e.g. {@code documents}
	 * @return the purpose
	 * @throws IllegalArgumentException naming the known labels
	 */
	public static KeyPurpose of(String label) {
		for (KeyPurpose purpose : values()) {
			if (purpose.label.equals(label)) {
				return purpose;
			}
		}
		throw new IllegalArgumentException("Unknown key purpose '" + label
				+ "'; one of provider-secrets, documents, export-files, unsubscribe-links");
	}

}
