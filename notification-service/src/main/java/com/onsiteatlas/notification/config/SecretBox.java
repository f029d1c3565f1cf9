package com.onsiteatlas.notification.config;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.onsiteatlas.support.crypto.AesGcmCipher;

/**
 * Encrypts provider secrets at rest with the platform's AES-256-GCM format
 * ({@link AesGcmCipher}) and signs unsubscribe tokens with an HMAC under the same key.
 */
public class SecretBox {

	private final AesGcmCipher cipher;

	private final SecretKeySpec signingKey;

	public SecretBox(String base64Key) {
		this.cipher = new AesGcmCipher(base64Key);
		this.signingKey = new SecretKeySpec(Base64.getDecoder().decode(base64Key.trim()), "HmacSHA256");
	}

	public String encrypt(String plain) {
		return this.cipher.encrypt(plain);
	}

	public String decrypt(String sealed) {
		return this.cipher.decrypt(sealed);
	}

	/**
	 * An HMAC-SHA256 of the value, base64url without padding.
	 * @param value what to sign
	 * @return the signature
	 */
	public String sign(String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.signingKey);
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
