package com.onsiteatlas.notification.config;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.onsiteatlas.support.crypto.AesGcmCipher;
import com.onsiteatlas.support.crypto.KeyPurpose;
import com.onsiteatlas.support.crypto.Keyring;

/**
 * Encrypts provider secrets at rest with the platform's AES-256-GCM format
 * ({@link AesGcmCipher}) under the {@link KeyPurpose#PROVIDER_SECRETS} keyring, and signs
 * unsubscribe tokens with an HMAC under the {@link KeyPurpose#UNSUBSCRIBE_LINKS}
 * keyring's current key. Links carry no key id (the URLs already sent keep their shape):
 * a signature under any key of that ring, or under {@code ATLAS_ENCRYPTION_KEY} itself as
 * before keyrings, is accepted, so links in mails sent before a rotation keep working
 * until the old key is removed.
 */
public class SecretBox {

	private final AesGcmCipher cipher;

	private final Keyring links;

	/**
	 * A box under two keyrings.
	 * @param secrets the provider secrets' keyring
	 * @param links the unsubscribe links' keyring
	 */
	public SecretBox(Keyring secrets, Keyring links) {
		this.cipher = new AesGcmCipher(secrets);
		this.links = links;
	}

	public String encrypt(String plain) {
		return this.cipher.encrypt(plain);
	}

	public String decrypt(String sealed) {
		return this.cipher.decrypt(sealed);
	}

	/**
	 * The sealed value under the current key ({@link AesGcmCipher#reseal}).
	 * @param stored a sealed value, may be null
	 * @return the value under the current key, the same string when it already is
	 */
	public String reseal(String stored) {
		return this.cipher.reseal(stored);
	}

	/**
	 * Whether a sealed value is under an older key or written before key ids.
	 * @param stored a sealed value, may be null
	 * @return true when {@link #reseal} would change it
	 */
	public boolean needsReseal(String stored) {
		return this.cipher.needsReseal(stored);
	}

	/**
	 * An HMAC-SHA256 of the value under the current key, base64url without padding.
	 * @param value what to sign
	 * @return the signature
	 */
	public String sign(String value) {
		return sign(value, this.links.decryptionKeys().get(0));
	}

	/**
	 * Whether a signature is one of {@link #sign}, under the current key or an older one.
	 * @param value what was signed
	 * @param signature the signature to check
	 * @return true when it is valid under a key of the ring
	 */
	public boolean verify(String value, String signature) {
		byte[] given = signature.getBytes(StandardCharsets.UTF_8);
		boolean valid = false;
		for (SecretKeySpec key : this.links.decryptionKeys()) {
			valid |= MessageDigest.isEqual(sign(value, key).getBytes(StandardCharsets.UTF_8), given);
		}
		return valid;
	}

	private static String sign(String value, SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
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
