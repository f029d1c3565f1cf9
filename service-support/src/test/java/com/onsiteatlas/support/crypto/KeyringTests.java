package com.onsiteatlas.support.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class KeyringTests {

	/** The development default of ATLAS_ENCRYPTION_KEY. */
	private static final String DEV_KEY = "ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=";

	private static final String K1 = Base64.getEncoder().encodeToString(filled(1));

	private static final String K2 = Base64.getEncoder().encodeToString(filled(2));

	/**
	 * "smtp-password-from-before" sealed by AesGcmCipher of main before key ids (commit
	 * d524142) under DEV_KEY.
	 */
	private static final String SEALED_BEFORE_KEY_IDS = "v1:REKEWQ0aIeEBuA1eDIFZ8VjRhJpPafeTmgFi6Jei+H+pD8/zNoVBUUM1EC1D2qyDcGrbHnE=";

	/**
	 * A CSV encrypted by AesGcmStreamCipher of main before key ids (commit d524142) under
	 * DEV_KEY, 16-byte segments, associated data "export:legacy".
	 */
	private static final String FILE_BEFORE_KEY_IDS = "iUFUTFNFRwEAAAAQfaeeDL0nX71haKoMsLZyl+uUQCmolotsim5HygtUQwWfGddg4sKHvz4LF99Vi4liKQoPjdd08iO3aBsgRnux7+NfKuDb33x9SnzIn9zRnh8e/LWLPst0NtUdTCHdnDp11HRACME/W7Q/Fb+dHg==";

	private static final String CSV = "id,name\n1,Ada Lovelace\n2,Grace Hopper\n";

	@Test
	void encryptsUnderTheCurrentKeyAndNamesIt() {
		AesGcmCipher cipher = new AesGcmCipher(ring("k2", Map.of("k1", K1, "k2", K2)));
		String sealed = cipher.encrypt("s3cret");
		assertThat(sealed).startsWith("v2:k2:").doesNotContain("s3cret");
		assertThat(AesGcmCipher.keyId(sealed)).isEqualTo("k2");
		assertThat(AesGcmCipher.isSealed(sealed)).isTrue();
		// Only k2 (no ATLAS_ENCRYPTION_KEY, no k1) opens it.
		assertThat(new AesGcmCipher(Keyring.of(KeyPurpose.DOCUMENTS, null, "k2", Map.of("k2", K2))).decrypt(sealed))
			.isEqualTo("s3cret");
	}

	@Test
	void decryptsValuesAndFilesUnderAnOlderKeyAfterARotation() {
		Keyring before = ring("k1", Map.of("k1", K1));
		Keyring after = ring("k2", Map.of("k1", K1, "k2", K2));
		String sealed = new AesGcmCipher(before).encrypt("s3cret");
		byte[] file = join(new AesGcmStreamCipher(before, 16).encrypt(Flux.just(wrap(CSV)), "export:1"));

		assertThat(new AesGcmCipher(after).decrypt(sealed)).isEqualTo("s3cret");
		assertThat(new String(join(new AesGcmStreamCipher(after).decryptStrict(Flux.just(wrap(file)), "export:1")),
				StandardCharsets.UTF_8))
			.isEqualTo(CSV);
		assertThat(new AesGcmCipher(after).needsReseal(sealed)).isTrue();
		assertThat(new AesGcmStreamCipher(after).needsRekey(file)).isTrue();
		assertThat(AesGcmStreamCipher.keyId(file)).isEqualTo("k1");
		String resealed = new AesGcmCipher(after).reseal(sealed);
		assertThat(AesGcmCipher.keyId(resealed)).isEqualTo("k2");
		assertThat(new AesGcmCipher(after).needsReseal(resealed)).isFalse();
		assertThat(new AesGcmCipher(after).reseal(resealed)).isSameAs(resealed);
	}

	@Test
	void anUnknownKeyIdIsAClearErrorNamingTheSetting() {
		String sealed = new AesGcmCipher(ring("k1", Map.of("k1", K1))).encrypt("s3cret");
		byte[] file = join(new AesGcmStreamCipher(ring("k1", Map.of("k1", K1))).encrypt(Flux.just(wrap(CSV)), "x"));
		Keyring withoutK1 = ring("k2", Map.of("k2", K2));

		assertThatIllegalStateException().isThrownBy(() -> new AesGcmCipher(withoutK1).decrypt(sealed))
			.withMessageContaining("names key 'k1'")
			.withMessageContaining("atlas.crypto.documents.keys.k1")
			.withMessageNotContaining(K1);
		assertThatIllegalStateException()
			.isThrownBy(() -> join(new AesGcmStreamCipher(withoutK1).decrypt(Flux.just(wrap(file)), "x")))
			.withMessageContaining("atlas.crypto.documents.keys.k1");
	}

	@Test
	void valuesAndFilesWrittenBeforeKeyIdsStillDecryptUnderTheEncryptionKey() {
		Keyring rotated = ring("k2", Map.of("k2", K2));
		assertThat(AesGcmCipher.keyId(SEALED_BEFORE_KEY_IDS)).isNull();
		assertThat(new AesGcmCipher(rotated).decrypt(SEALED_BEFORE_KEY_IDS)).isEqualTo("smtp-password-from-before");
		assertThat(new AesGcmCipher(rotated).needsReseal(SEALED_BEFORE_KEY_IDS)).isTrue();

		byte[] file = Base64.getDecoder().decode(FILE_BEFORE_KEY_IDS);
		assertThat(AesGcmStreamCipher.keyId(file)).isNull();
		for (int size : new int[] { 1, 7, 35, 36, 1000 }) {
			assertThat(
					new String(join(new AesGcmStreamCipher(rotated).decryptStrict(chunks(file, size), "export:legacy")),
							StandardCharsets.UTF_8))
				.isEqualTo(CSV);
		}
		assertThat(new AesGcmStreamCipher(rotated).needsRekey(file)).isTrue();

		Keyring withoutEncryptionKey = Keyring.of(KeyPurpose.DOCUMENTS, null, "k2", Map.of("k2", K2));
		assertThatIllegalStateException()
			.isThrownBy(() -> new AesGcmCipher(withoutEncryptionKey).decrypt(SEALED_BEFORE_KEY_IDS))
			.withMessageContaining("ATLAS_ENCRYPTION_KEY");
	}

	@Test
	void withoutAKeyringEachPurposeEncryptsUnderItsOwnKeyDerivedFromTheEncryptionKey() {
		Keyring documents = Keyring.of(KeyPurpose.DOCUMENTS, DEV_KEY, null, null);
		Keyring secrets = Keyring.of(KeyPurpose.PROVIDER_SECRETS, DEV_KEY, null, null);
		assertThat(documents.currentId()).isEqualTo(Keyring.DERIVED_KEY_ID);
		String sealed = new AesGcmCipher(documents).encrypt("s3cret");
		assertThat(sealed).startsWith("v2:env:");
		assertThat(new AesGcmCipher(documents).decrypt(sealed)).isEqualTo("s3cret");
		// Another purpose's key, and ATLAS_ENCRYPTION_KEY itself, do not open it.
		String swapped = "v2:env:" + sealed.substring("v2:env:".length());
		assertThatIllegalStateException().isThrownBy(() -> new AesGcmCipher(secrets).decrypt(swapped));
		assertThat(documents.key("env").getEncoded()).isNotEqualTo(Base64.getDecoder().decode(DEV_KEY))
			.isNotEqualTo(secrets.key("env").getEncoded());
		// Same derivation every start (stored values depend on it).
		assertThat(Keyring.of(KeyPurpose.DOCUMENTS, DEV_KEY, null, null).key("env").getEncoded())
			.isEqualTo(documents.key("env").getEncoded());
	}

	@Test
	void aKeyIdCannotBeMovedToAnotherKeyUnnoticed() {
		Keyring both = ring("k1", Map.of("k1", K1, "k2", K2));
		String sealed = new AesGcmCipher(both).encrypt("s3cret");
		assertThatIllegalStateException()
			.isThrownBy(() -> new AesGcmCipher(both).decrypt(sealed.replace("v2:k1:", "v2:k2:")));
	}

	@Test
	void refusesAKeyringThatDoesNotNameItsCurrentKeyOrHoldsABadKey() {
		assertThatIllegalStateException()
			.isThrownBy(() -> Keyring.of(KeyPurpose.EXPORT_FILES, DEV_KEY, null, Map.of("k1", K1)))
			.withMessageContaining("atlas.crypto.export-files.current is not set");
		assertThatIllegalStateException()
			.isThrownBy(() -> Keyring.of(KeyPurpose.EXPORT_FILES, DEV_KEY, "k9", Map.of("k1", K1)))
			.withMessageContaining("atlas.crypto.export-files.keys.k9 is not set");
		assertThatIllegalStateException()
			.isThrownBy(() -> Keyring.of(KeyPurpose.EXPORT_FILES, DEV_KEY, "k1", Map.of("k1", "c2hvcnQ=")))
			.withMessageContaining("atlas.crypto.export-files.keys.k1 must be base64 of 32 bytes");
		assertThatIllegalStateException()
			.isThrownBy(() -> Keyring.of(KeyPurpose.EXPORT_FILES, DEV_KEY, "env", Map.of("env", K1)))
			.withMessageContaining("not 'env'");
		assertThatIllegalStateException().isThrownBy(() -> Keyring.of(KeyPurpose.EXPORT_FILES, " ", null, Map.of()))
			.withMessageContaining("Neither ATLAS_ENCRYPTION_KEY nor atlas.crypto.export-files.current");
	}

	@Test
	void readsTheKeyringFromPropertiesAndEnvironmentVariables() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("ATLAS_CRYPTO_PROVIDERSECRETS_CURRENT", "k2", "ATLAS_CRYPTO_PROVIDERSECRETS_KEYS_K2", K2)));
		environment.getPropertySources()
			.addLast(new MapPropertySource("yaml", Map.of("atlas.crypto.provider-secrets.keys.k1", K1)));
		Keyring keyring = Keyring.from(environment, KeyPurpose.PROVIDER_SECRETS, DEV_KEY);
		assertThat(keyring.currentId()).isEqualTo("k2");
		assertThat(keyring.key("k1").getEncoded()).isEqualTo(filled(1));
		assertThat(keyring.key("k2").getEncoded()).isEqualTo(filled(2));
		assertThat(Keyring.from(new StandardEnvironment(), KeyPurpose.DOCUMENTS, DEV_KEY).currentId()).isEqualTo("env");
	}

	@Test
	void bindsTheEnvironmentVariablesOfTheDeploymentExamplesForEveryPurpose() {
		// The names of docker-compose.yml, deploy/ and docs/deployment.md: the purpose's
		// label with '_' for '-' (keys included), or without it; ids are lower-cased.
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("ATLAS_CRYPTO_DOCUMENTS_CURRENT", "k2", "ATLAS_CRYPTO_DOCUMENTS_KEYS_K1", K1,
							"ATLAS_CRYPTO_DOCUMENTS_KEYS_K2", K2, "ATLAS_CRYPTO_EXPORT_FILES_CURRENT", "k1",
							"ATLAS_CRYPTO_EXPORT_FILES_KEYS_K1", K1, "ATLAS_CRYPTO_PROVIDER_SECRETS_CURRENT", "k2",
							"ATLAS_CRYPTO_PROVIDER_SECRETS_KEYS_K2", K2, "ATLAS_CRYPTO_UNSUBSCRIBELINKS_CURRENT", "k1",
							"ATLAS_CRYPTO_UNSUBSCRIBELINKS_KEYS_K1", K1)));
		Keyring documents = Keyring.from(environment, KeyPurpose.DOCUMENTS, null);
		assertThat(documents.currentId()).isEqualTo("k2");
		assertThat(documents.key("k1").getEncoded()).isEqualTo(filled(1));
		assertThat(documents.key("k2").getEncoded()).isEqualTo(filled(2));
		Keyring exports = Keyring.from(environment, KeyPurpose.EXPORT_FILES, null);
		assertThat(exports.currentId()).isEqualTo("k1");
		assertThat(exports.key("k1").getEncoded()).isEqualTo(filled(1));
		Keyring secrets = Keyring.from(environment, KeyPurpose.PROVIDER_SECRETS, null);
		assertThat(secrets.currentId()).isEqualTo("k2");
		assertThat(secrets.key("k2").getEncoded()).isEqualTo(filled(2));
		assertThat(Keyring.from(environment, KeyPurpose.UNSUBSCRIBE_LINKS, null).currentId()).isEqualTo("k1");
	}

	private static Keyring ring(String current, Map<String, String> keys) {
		return Keyring.of(KeyPurpose.DOCUMENTS, DEV_KEY, current, keys);
	}

	private static byte[] filled(int value) {
		byte[] bytes = new byte[32];
		Arrays.fill(bytes, (byte) value);
		return bytes;
	}

	private static DataBuffer wrap(String text) {
		return wrap(text.getBytes(StandardCharsets.UTF_8));
	}

	private static DataBuffer wrap(byte[] bytes) {
		return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
	}

	private static Flux<DataBuffer> chunks(byte[] bytes, int size) {
		List<DataBuffer> buffers = new ArrayList<>();
		for (int at = 0; at < bytes.length; at += size) {
			buffers.add(wrap(Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + size))));
		}
		return Flux.fromIterable(buffers);
	}

	private static byte[] join(Flux<DataBuffer> buffers) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		buffers.doOnNext((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			out.writeBytes(bytes);
		}).blockLast();
		return out.toByteArray();
	}

}
