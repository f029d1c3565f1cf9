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
 * tag, stored as {@code v2:<key id>:<base64(iv || ciphertext || tag)>} under the current
 * key of a {@link Keyring}, the {@code v2:<key id>:} prefix as associated data. Values
 * written before key ids, {@code v1:<base64(iv || ciphertext || tag)>} under
 * {@code ATLAS_ENCRYPTION_KEY} itself, still decrypt (and a {@link Keyring#legacyOnly}
 * ring still writes them).
 */
public final class AesGcmCipher {

	/** Marks a value sealed before key ids. */
	public static final String PREFIX = "v1:";

	/** Marks a value sealed under a named key: {@code v2:<key id>:}. */
	public static final String KEYED_PREFIX = "v2:";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Keyring keyring;

	/**
	 * A cipher under one key as before key ids: it writes and reads {@code v1:} values.
	 * @param base64Key base64 of exactly 32 bytes
	 * @throws IllegalArgumentException when the key is missing, not base64 or not 32
	 * bytes
	 */
	public AesGcmCipher(String base64Key) {
		this(Keyring.legacyOnly(base64Key));
	}

	/**
	 * A cipher under a keyring: the current key encrypts, every key of the ring decrypts.
	 * @param keyring the keys of the purpose
	 */
	public AesGcmCipher(Keyring keyring) {
		this.keyring = keyring;
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
		String id = this.keyring.currentId();
		String prefix = (id != null) ? KEYED_PREFIX + id + ":" : PREFIX;
		try {
			byte[] iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.keyring.currentKey(), new GCMParameterSpec(TAG_BITS, iv));
			if (id != null) {
				cipher.updateAAD(prefix.getBytes(StandardCharsets.US_ASCII));
			}
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[iv.length + sealed.length];
			System.arraycopy(iv, 0, out, 0, iv.length);
			System.arraycopy(sealed, 0, out, iv.length, sealed.length);
			return prefix + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a secret", ex);
		}
	}

	/**
	 * Opens a sealed value.
	 * @param sealed a value from {@link #encrypt}, may be null
	 * @return the secret, or null for null
	 * @throws IllegalStateException when the value is not sealed, was altered, was sealed
	 * under another key, or names a key the ring does not hold
	 */
	public String decrypt(String sealed) {
		if (sealed == null) {
			return null;
		}
		if (!isSealed(sealed)) {
			throw new IllegalStateException("A stored secret is not in the expected format");
		}
		String id = keyId(sealed);
		String prefix = (id != null) ? KEYED_PREFIX + id + ":" : PREFIX;
		SecretKeySpec key = (id != null) ? this.keyring.key(id) : this.keyring.legacyKey();
		try {
			byte[] in = Base64.getDecoder().decode(sealed.substring(prefix.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
			if (id != null) {
				cipher.updateAAD(prefix.getBytes(StandardCharsets.US_ASCII));
			}
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
		String body;
		if (value == null) {
			return false;
		}
		else if (value.startsWith(PREFIX)) {
			body = value.substring(PREFIX.length());
		}
		else if (value.startsWith(KEYED_PREFIX) && Keyring.isKeyId(keyId(value))) {
			body = value.substring(KEYED_PREFIX.length() + keyId(value).length() + 1);
		}
		else {
			return false;
		}
		try {
			return Base64.getDecoder().decode(body).length >= IV_BYTES + TAG_BITS / 8;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * The key id a sealed value names.
	 * @param sealed a sealed value
	 * @return the id, or null for a value sealed before key ids (or not sealed)
	 */
	public static String keyId(String sealed) {
		if (sealed == null || !sealed.startsWith(KEYED_PREFIX)) {
			return null;
		}
		int end = sealed.indexOf(':', KEYED_PREFIX.length());
		return (end > KEYED_PREFIX.length()) ? sealed.substring(KEYED_PREFIX.length(), end) : null;
	}

	/**
	 * Whether a stored value should be sealed again: in clear, sealed before key ids, or
	 * under a key that is no longer the current one.
	 * @param stored a stored value, may be null
	 * @return true when {@link #reseal} would change it
	 */
	public boolean needsReseal(String stored) {
		return stored != null && !(isSealed(stored) && this.keyring.isCurrent(keyId(stored)));
	}

	/**
	 * The value sealed under the current key: opened (or taken as clear text) and sealed
	 * again; a value already under the current key comes back unchanged.
	 * @param stored a stored value, may be null
	 * @return the value under the current key
	 * @throws IllegalStateException when it does not decrypt
	 */
	public String reseal(String stored) {
		return needsReseal(stored) ? encrypt(decryptOrPlain(stored)) : stored;
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
