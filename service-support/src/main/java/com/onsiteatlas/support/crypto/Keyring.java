package com.onsiteatlas.support.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The keys of one {@link KeyPurpose}: the current one, which encrypts, and older ones,
 * which only decrypt, each under an id that ciphertexts carry, so a key can be rotated.
 * <p>
 * Configured as {@code atlas.crypto.<purpose>.current=<id>} and
 * {@code atlas.crypto.<purpose>.keys.<id>=<base64 of 32 bytes>}. Whatever is configured,
 * when {@code ATLAS_ENCRYPTION_KEY} is set the ring also holds the key derived from it
 * for the purpose (HKDF-SHA256, the purpose's label as info) under the id
 * {@value #DERIVED_KEY_ID}, which is the current key when no keyring is configured, and
 * {@code ATLAS_ENCRYPTION_KEY} itself for the ciphertexts written before key ids, which
 * name none.
 */
public final class Keyring {

	/** The id of the key derived from {@code ATLAS_ENCRYPTION_KEY} for a purpose. */
	public static final String DERIVED_KEY_ID = "env";

	/** Key ids: short, and safe in a header, a sealed string and an environment name. */
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

	private final String name;

	private final String currentId;

	private final Map<String, SecretKeySpec> keys;

	private final SecretKeySpec legacy;

	private Keyring(String name, String currentId, Map<String, SecretKeySpec> keys, SecretKeySpec legacy) {
		this.name = name;
		this.currentId = currentId;
		this.keys = Collections.unmodifiableMap(keys);
		this.legacy = legacy;
	}

	/**
	 * The keyring of a purpose from configuration.
	 * @param environment where {@code atlas.crypto.<purpose>.*} is read
	 * @param purpose what the keys protect
	 * @param encryptionKey {@code ATLAS_ENCRYPTION_KEY}, may be null or blank when a
	 * keyring is configured
	 * @return the keyring
	 * @throws IllegalStateException naming the setting that is missing or wrong (never a
	 * key)
	 */
	public static Keyring from(Environment environment, KeyPurpose purpose, String encryptionKey) {
		Binder binder = Binder.get(environment);
		Settings settings = binder.bind("atlas.crypto." + purpose.label(), Bindable.of(Settings.class))
			.orElse(new Settings(null, Map.of()));
		// ATLAS_CRYPTO_EXPORT_FILES_KEYS_K1 reads as atlas.crypto.export.files.keys.k1:
		// Spring's relaxed binding finds a single value under the label's '-' written as
		// '_', but not the entries of a map, so they are read under that name too.
		Settings underscored = binder
			.bind("atlas.crypto." + purpose.label().replace('-', '.'), Bindable.of(Settings.class))
			.orElse(new Settings(null, Map.of()));
		Map<String, String> keys = new LinkedHashMap<>();
		if (underscored.keys() != null && purpose.label().contains("-")) {
			keys.putAll(underscored.keys());
		}
		if (settings.keys() != null) {
			keys.putAll(settings.keys());
		}
		return of(purpose, encryptionKey, settings.current(), keys);
	}

	/**
	 * The keyring of a purpose.
	 * @param purpose what the keys protect
	 * @param encryptionKey {@code ATLAS_ENCRYPTION_KEY}, may be null or blank when keys
	 * are configured
	 * @param current the id of the key that encrypts; null or blank for
	 * {@value #DERIVED_KEY_ID} when no keys are configured
	 * @param configured the configured keys by id, base64 of 32 bytes each; may be null
	 * @return the keyring
	 * @throws IllegalStateException naming the setting that is missing or wrong (never a
	 * key)
	 */
	public static Keyring of(KeyPurpose purpose, String encryptionKey, String current, Map<String, String> configured) {
		String prefix = "atlas.crypto." + purpose.label();
		Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
		if (configured != null) {
			configured.forEach((id, value) -> {
				if (!ID.matcher(id).matches() || DERIVED_KEY_ID.equals(id)) {
					throw new IllegalStateException(
							prefix + ".keys." + id + ": a key id is 1 to 32 letters, digits, '.',"
									+ " '_' or '-', and not '" + DERIVED_KEY_ID + "'");
				}
				keys.put(id, parse(value, prefix + ".keys." + id));
			});
		}
		SecretKeySpec legacy = null;
		if (encryptionKey != null && !encryptionKey.isBlank()) {
			legacy = parse(encryptionKey, "ATLAS_ENCRYPTION_KEY");
			keys.put(DERIVED_KEY_ID, derive(legacy, purpose));
		}
		String currentId = (current == null || current.isBlank()) ? null : current.trim();
		if (currentId == null) {
			if (keys.size() > ((legacy != null) ? 1 : 0)) {
				throw new IllegalStateException(prefix + ".current is not set: name the key that encrypts");
			}
			if (legacy == null) {
				throw new IllegalStateException(
						"Neither ATLAS_ENCRYPTION_KEY nor " + prefix + ".current and " + prefix + ".keys.* are set");
			}
			currentId = DERIVED_KEY_ID;
		}
		if (!keys.containsKey(currentId)) {
			throw new IllegalStateException(prefix + ".current names key '" + currentId + "', but " + prefix + ".keys."
					+ currentId + " is not set");
		}
		return new Keyring(purpose.label(), currentId, keys, legacy);
	}

	/**
	 * The ring of one key as the code before key ids used it: it encrypts in the formats
	 * without a key id, for tools and tests that read or write those.
	 * @param base64Key base64 of exactly 32 bytes
	 * @return the keyring
	 * @throws IllegalArgumentException when the key is missing, not base64 or not 32
	 * bytes
	 */
	public static Keyring legacyOnly(String base64Key) {
		return new Keyring("legacy", null, Map.of(), AesGcmCipher.key(base64Key));
	}

	/**
	 * The id of the key that encrypts.
	 * @return the id, or null for a {@link #legacyOnly} ring, which writes no id
	 */
	public String currentId() {
		return this.currentId;
	}

	/**
	 * Whether a ciphertext under this key id needs no re-encryption.
	 * @param id the id a ciphertext names, null for none
	 * @return true when it is the current key's
	 */
	public boolean isCurrent(String id) {
		return this.currentId != null && this.currentId.equals(id);
	}

	SecretKeySpec currentKey() {
		return (this.currentId != null) ? this.keys.get(this.currentId) : legacyKey();
	}

	/**
	 * The key of an id a ciphertext names.
	 * @param id the id
	 * @return the key
	 * @throws IllegalStateException naming the missing setting
	 */
	public SecretKeySpec key(String id) {
		SecretKeySpec key = this.keys.get(id);
		if (key == null) {
			throw new IllegalStateException("A ciphertext names key '" + id + "', which the " + this.name
					+ " keyring does not hold (atlas.crypto." + this.name + ".keys." + id
					+ (DERIVED_KEY_ID.equals(id) ? ", or ATLAS_ENCRYPTION_KEY" : "") + " is not set)");
		}
		return key;
	}

	/**
	 * The key of ciphertexts written before key ids: {@code ATLAS_ENCRYPTION_KEY} itself.
	 * @return the key
	 * @throws IllegalStateException when {@code ATLAS_ENCRYPTION_KEY} is not set
	 */
	public SecretKeySpec legacyKey() {
		if (this.legacy == null) {
			throw new IllegalStateException(
					"A ciphertext written before key ids (no key id) needs ATLAS_ENCRYPTION_KEY,"
							+ " which is not set for the " + this.name + " keyring");
		}
		return this.legacy;
	}

	/**
	 * Every key, the current one first, then the older ones, then
	 * {@code ATLAS_ENCRYPTION_KEY} itself: for checks (signatures) that carry no key id.
	 * @return the keys
	 */
	public List<SecretKeySpec> decryptionKeys() {
		List<SecretKeySpec> all = new ArrayList<>();
		all.add(currentKey());
		this.keys.forEach((id, key) -> {
			if (!id.equals(this.currentId)) {
				all.add(key);
			}
		});
		if (this.legacy != null && this.currentId != null) {
			all.add(this.legacy);
		}
		return all;
	}

	static boolean isKeyId(String id) {
		return id != null && ID.matcher(id).matches();
	}

	private static SecretKeySpec parse(String base64Key, String setting) {
		try {
			return AesGcmCipher.key(base64Key);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(setting + " must be base64 of 32 bytes");
		}
	}

	/** HKDF-SHA256 (RFC 5869), no salt, the purpose's label as info, one block. */
	static SecretKeySpec derive(SecretKeySpec master, KeyPurpose purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
			byte[] prk = mac.doFinal(master.getEncoded());
			mac.init(new SecretKeySpec(prk, "HmacSHA256"));
			mac.update(("onsite-atlas key " + purpose.label()).getBytes(StandardCharsets.US_ASCII));
			mac.update((byte) 1);
			return new SecretKeySpec(mac.doFinal(), "AES");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot derive a key", ex);
		}
	}

	/**
	 * The configuration of a keyring.
	 *
	 * @param current the id of the key that encrypts
	 * @param keys base64 keys by id
	 */
	public record Settings(String current, Map<String, String> keys) {
	}

}
