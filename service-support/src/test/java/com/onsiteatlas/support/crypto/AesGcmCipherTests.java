package com.onsiteatlas.support.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AesGcmCipherTests {

	/** The development default of ATLAS_ENCRYPTION_KEY. */
	private static final String DEV_KEY = "ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=";

	private static final String OTHER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private final AesGcmCipher cipher = new AesGcmCipher(DEV_KEY);

	@Test
	void roundTripsASecretWithoutShowingIt() {
		String sealed = this.cipher.encrypt("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
		assertThat(sealed).startsWith("v1:").doesNotContain("wJalrXUtnFEMI");
		assertThat(AesGcmCipher.isSealed(sealed)).isTrue();
		assertThat(this.cipher.decrypt(sealed)).isEqualTo("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
	}

	@Test
	void usesAFreshIvForEveryValue() {
		assertThat(this.cipher.encrypt("same")).isNotEqualTo(this.cipher.encrypt("same"));
	}

	@Test
	void readsTheFormatNotificationServiceWrites() throws Exception {
		// iv || ciphertext || tag with a fixed IV, built with the JDK directly.
		byte[] iv = "twelve bytes".getBytes(StandardCharsets.US_ASCII);
		Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
		jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(DEV_KEY), "AES"),
				new GCMParameterSpec(128, iv));
		byte[] sealed = jdk.doFinal("token-123".getBytes(StandardCharsets.UTF_8));
		byte[] all = new byte[iv.length + sealed.length];
		System.arraycopy(iv, 0, all, 0, iv.length);
		System.arraycopy(sealed, 0, all, iv.length, sealed.length);
		assertThat(this.cipher.decrypt("v1:" + Base64.getEncoder().encodeToString(all))).isEqualTo("token-123");
	}

	@Test
	void rejectsAlteredValuesAndOtherKeys() {
		String sealed = this.cipher.encrypt("secret");
		byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
		raw[raw.length - 1] ^= 1;
		String altered = "v1:" + Base64.getEncoder().encodeToString(raw);
		assertThatIllegalStateException().isThrownBy(() -> this.cipher.decrypt(altered));
		assertThatIllegalStateException().isThrownBy(() -> new AesGcmCipher(OTHER_KEY).decrypt(sealed))
			.withMessageContaining("ATLAS_ENCRYPTION_KEY");
		assertThatIllegalStateException().isThrownBy(() -> this.cipher.decrypt("plain"));
	}

	@Test
	void passesLegacyClearTextThroughAndNeverSealsTwice() {
		assertThat(AesGcmCipher.isSealed("top-secret")).isFalse();
		assertThat(AesGcmCipher.isSealed("v1:short")).isFalse();
		assertThat(AesGcmCipher.isSealed(null)).isFalse();
		assertThat(this.cipher.decryptOrPlain("top-secret")).isEqualTo("top-secret");
		String sealed = this.cipher.encryptIfPlain("top-secret");
		assertThat(this.cipher.encryptIfPlain(sealed)).isSameAs(sealed);
		assertThat(this.cipher.decryptOrPlain(sealed)).isEqualTo("top-secret");
		assertThat(this.cipher.encrypt(null)).isNull();
		assertThat(this.cipher.decrypt(null)).isNull();
	}

	@Test
	void refusesKeysThatAreNotThirtyTwoBytes() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AesGcmCipher("c2hvcnQ="))
			.withMessageContaining("32 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> new AesGcmCipher("not base64!"));
		assertThatIllegalArgumentException().isThrownBy(() -> new AesGcmCipher(" "));
	}

}
