package com.onsiteatlas.support.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts short secrets with AES-256-GCM: a random 96-bit IV per value and a 128-bit
 * tag, stored as {@code v1:<base64(iv || ciphertext || tag)>}. That is the format
 * notification-service's SecretBox writes, so one {@code ATLAS_ENCRYPTION_KEY} (base64 of
 * 32 bytes) reads the secrets of every service.
 */
public final class AesGcmCipher {

	/** Marks a sealed value; the version allows another scheme later. */
	public static final String PREFIX = "v1:";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	/**
	 * A cipher under a key.
	 * @param base64Key base64 of exactly 32 bytes
	 * @throws IllegalArgumentException when the key is missing, not base64 or not 32
	 * bytes
	 */
	public AesGcmCipher(String base64Key) {
		this.key = key(base64Key);
	}

	/**
	 * The AES key of {@code ATLAS_ENCRYPTION_KEY}.
	 * @param base64Key base64 of exactly 32 bytes
	 * @return the key
	 * @throws IllegalArgumentException when the key is missing, not base64 or not 32
	 * bytes
	 */
	static SecretKeySpec key(String base64Key) {
		if (base64Key == null || base64Key.isBlank()) {
			throw new IllegalArgumentException("ATLAS_ENCRYPTION_KEY is not set");
		}
		byte[] raw;
		try {
			raw = Base64.getDecoder().decode(base64Key.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("ATLAS_ENCRYPTION_KEY must be base64 of 32 bytes", ex);
		}
		if (raw.length != 32) {
			throw new IllegalArgumentException("ATLAS_ENCRYPTION_KEY must be base64 of 32 bytes, got " + raw.length);
		}
		return new SecretKeySpec(raw, "AES");
	}

	/**
	 * Seals a value.
	 * @param plain the secret, may be null
	 * @return {@code v1:...}, or null for null
	 */
	public String encrypt(String plain) {
		if (plain == null) {
			return null;
		}
		try {
			byte[] iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, iv));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[iv.length + sealed.length];
			System.arraycopy(iv, 0, out, 0, iv.length);
			System.arraycopy(sealed, 0, out, iv.length, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a secret", ex);
		}
	}

	/**
	 * Opens a sealed value.
	 * @param sealed a value from {@link #encrypt}, may be null
	 * @return the secret, or null for null
	 * @throws IllegalStateException when the value is not sealed, was altered, or was
	 * sealed under another key
	 */
	public String decrypt(String sealed) {
		if (sealed == null) {
			return null;
		}
		if (!isSealed(sealed)) {
			throw new IllegalStateException("A stored secret is not in the expected format");
		}
		try {
			byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
			return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot decrypt a stored secret (wrong ATLAS_ENCRYPTION_KEY?)", ex);
		}
	}

	/**
	 * Whether a stored value looks sealed: the prefix and base64 long enough for an IV
	 * and a tag. Values written before encryption was turned on are not, and are read as
	 * they are.
	 * @param value a stored value
	 * @return true when it is in the sealed format
	 */
	public static boolean isSealed(String value) {
		if (value == null || !value.startsWith(PREFIX)) {
			return false;
		}
		try {
			return Base64.getDecoder().decode(value.substring(PREFIX.length())).length >= IV_BYTES + TAG_BITS / 8;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Opens a sealed value, or returns a legacy clear-text value unchanged.
	 * @param stored the stored value, may be null
	 * @return the secret
	 */
	public String decryptOrPlain(String stored) {
		return isSealed(stored) ? decrypt(stored) : stored;
	}

	/**
	 * Seals a value unless it already is (so re-saving a document does not encrypt
	 * twice).
	 * @param value clear or sealed value, may be null
	 * @return the sealed value
	 */
	public String encryptIfPlain(String value) {
		return (value == null || isSealed(value)) ? value : encrypt(value);
	}

}
