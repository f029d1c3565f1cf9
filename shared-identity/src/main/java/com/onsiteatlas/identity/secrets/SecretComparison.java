package com.onsiteatlas.identity.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Compares a presented secret with a configured one without leaking, through timing, how
 * much of it matched or how long it is: both sides are hashed, then the digests are
 * compared in constant time. Used wherever a shared secret from the environment is
 * checked (the registry's account, the metrics scraper's account).
 */
public final class SecretComparison {

	private SecretComparison() {
	}

	/**
	 * Whether the presented secret equals the configured one.
	 * @param presented what the caller sent; {@code null} never matches
	 * @param configured the configured secret; {@code null} or empty never matches, so an
	 * unset secret lets nobody in
	 * @return true only for an exact match of a configured secret
	 */
	public static boolean matches(CharSequence presented, String configured) {
		if (presented == null || configured == null || configured.isEmpty()) {
			return false;
		}
		return MessageDigest.isEqual(digest(presented.toString()), digest(configured));
	}

	private static byte[] digest(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
