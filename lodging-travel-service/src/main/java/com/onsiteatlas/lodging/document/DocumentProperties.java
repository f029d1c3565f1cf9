package com.onsiteatlas.lodging.document;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Upload limits, quotas and the encryption key of stored documents.
 *
 * @param maxSize the largest accepted file (413 above)
 * @param encryptionKey base64 of 32 bytes (AES-256) for every stored document
 * @param perRecord what one travel record or booking may hold
 * @param perRegistration what all records of one registration may hold together
 * @param uploads how many uploads may run at once
 */
@ConfigurationProperties("atlas.lodging.documents")
record DocumentProperties(@DefaultValue("10MB") DataSize maxSize, String encryptionKey,
		@DefaultValue PerRecord perRecord, @DefaultValue PerRegistration perRegistration,
		@DefaultValue Uploads uploads) {

	/**
	 * A quota of stored documents: past it an upload is refused (409 for the count, 413
	 * for the bytes).
	 */
	interface Quota {

		/** How many files. */
		int maxFiles();

		/** How many stored bytes in all. */
		DataSize maxBytes();

	}

	/**
	 * The quota of one travel record or booking.
	 *
	 * @param maxFiles how many files
	 * @param maxBytes how many stored bytes in all
	 */
	record PerRecord(@DefaultValue("20") int maxFiles, @DefaultValue("50MB") DataSize maxBytes) implements Quota {
	}

	/**
	 * The quota of all records of one registration together.
	 *
	 * @param maxFiles how many files
	 * @param maxBytes how many stored bytes in all
	 */
	record PerRegistration(@DefaultValue("40") int maxFiles,
			@DefaultValue("100MB") DataSize maxBytes) implements Quota {
	}

	/**
	 * Bounds on uploads in flight in one instance; past them a 429 with
	 * {@code Retry-After}.
	 *
	 * @param perCaller at once for one user or registrant
	 * @param perInstance at once in this instance for everyone
	 * @param retryAfter what {@code Retry-After} tells a refused caller
	 */
	record Uploads(@DefaultValue("3") int perCaller, @DefaultValue("16") int perInstance,
			@DefaultValue("5s") Duration retryAfter) {
	}

}
