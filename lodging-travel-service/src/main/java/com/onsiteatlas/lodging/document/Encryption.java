package com.onsiteatlas.lodging.document;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Format 1 of stored documents: AES-256-GCM over the whole file with a random 12-byte IV;
 * the record the file belongs to is the associated data, so a ciphertext copied onto
 * another record does not decrypt. New files use service-support's
 * {@code AesGcmStreamCipher} (format 2); this class still reads the files stored before
 * it, and checks the document key at start-up with messages naming the setting.
 */
final class Encryption {

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	Encryption(String base64Key) {
		if (base64Key == null || base64Key.isBlank()) {
			throw new IllegalStateException("atlas.lodging.documents.encryption-key (ATLAS_ENCRYPTION_KEY) is not set");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64Key.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("ATLAS_ENCRYPTION_KEY must be base64", ex);
		}
		if (bytes.length != 32) {
			throw new IllegalStateException("ATLAS_ENCRYPTION_KEY must be base64 of 32 bytes, got " + bytes.length);
		}
		this.key = new SecretKeySpec(bytes, "AES");
	}

	byte[] newIv() {
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		return iv;
	}

	byte[] encrypt(byte[] plain, byte[] iv, String associatedData) {
		return run(Cipher.ENCRYPT_MODE, plain, iv, associatedData);
	}

	byte[] decrypt(byte[] sealed, byte[] iv, String associatedData) {
		return run(Cipher.DECRYPT_MODE, sealed, iv, associatedData);
	}

	private byte[] run(int mode, byte[] input, byte[] iv, String associatedData) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Document encryption failed", ex);
		}
	}

}
