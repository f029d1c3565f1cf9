package com.onsiteatlas.notification.config;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts provider secrets at rest with AES-256-GCM (random 96-bit IV per value) and
 * signs unsubscribe tokens with an HMAC derived from the same key.
 */
public class SecretBox {

	private static final String PREFIX = "v1:";

	private static final int IV_BYTES = 12;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	public SecretBox(String base64Key) {
		byte[] raw = Base64.getDecoder().decode(base64Key);
		if (raw.length != 32) {
			throw new IllegalArgumentException("ATLAS_ENCRYPTION_KEY must be base64 of 32 bytes, got " + raw.length);
		}
		this.key = new SecretKeySpec(raw, "AES");
	}

	public String encrypt(String plain) {
		if (plain == null) {
			return null;
		}
		try {
			byte[] iv = new byte[IV_BYTES];
			this.random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, iv));
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

	public String decrypt(String sealed) {
		if (sealed == null) {
			return null;
		}
		if (!sealed.startsWith(PREFIX)) {
			throw new IllegalStateException("A stored secret is not in the expected format");
		}
		try {
			byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(128, in, 0, IV_BYTES));
			return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot decrypt a stored secret (wrong ATLAS_ENCRYPTION_KEY?)", ex);
		}
	}

	/**
	 * An HMAC-SHA256 of the value, base64url without padding.
	 * @param value what to sign
	 * @return the signature
	 */
	public String sign(String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key.getEncoded(), "HmacSHA256"));
			mac.update("unsubscribe:".getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * How a secret is shown in API responses: never the value, only that one is set and
	 * its last four characters when it is long enough not to give much away.
	 * @param plain the secret
	 * @return the masked form, or null when no secret is set
	 */
	public static String mask(String plain) {
		if (plain == null || plain.isEmpty()) {
			return null;
		}
		return (plain.length() >= 12) ? "********" + plain.substring(plain.length() - 4) : "********";
	}

	/**
	 * Whether a value sent by a client means "keep the stored secret": absent, empty or
	 * the masked form it was shown.
	 * @param value the submitted value
	 * @return true to keep the stored one
	 */
	public static boolean keepsStored(String value) {
		return value == null || value.isEmpty() || value.startsWith("********");
	}

}
