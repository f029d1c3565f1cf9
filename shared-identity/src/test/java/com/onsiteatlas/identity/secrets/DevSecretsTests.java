package com.onsiteatlas.identity.secrets;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class DevSecretsTests {

	@Test
	void refusesToStartWithAPublicDevelopmentSecretAndNamesTheProperty() {
		ConfigurableEnvironment environment = environment(Map.of("atlas.security.internal-token-secret",
				"${ATLAS_INTERNAL_TOKEN_SECRET:dev-internal-token-secret-change-me-0123456789}",
				"eureka.client.service-url.defaultZone",
				"http://atlas:dev-only-registry-password@localhost:8761/eureka/", "server.port", "8081"));

		assertThatIllegalStateException().isThrownBy(() -> DevSecrets.refuseUnlessAllowed(environment))
			.withMessageContaining("atlas.security.internal-token-secret, eureka.client.service-url.defaultZone")
			.withMessageContaining("ATLAS_DEV_DEFAULTS_ALLOWED=true")
			.withMessageNotContaining("server.port")
			.withMessageNotContaining("dev-only-registry-password");
	}

	@Test
	void startsWithRealSecretsOrWhenDevelopmentSecretsAreAllowed() {
		assertThatNoException().isThrownBy(() -> DevSecrets.refuseUnlessAllowed(environment(
				Map.of("atlas.security.internal-token-secret", "a-real-secret-of-more-than-32-bytes-xyz"))));
		assertThatNoException()
			.isThrownBy(() -> DevSecrets.refuseUnlessAllowed(environment(Map.of("atlas.notification.encryption-key",
					"ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=", DevSecrets.ALLOWED_PROPERTY, "true"))));
	}

	@Test
	void aKeyringKeyHoldingTheDevelopmentEncryptionKeyIsRefusedToo() {
		ConfigurableEnvironment environment = environment(Map.of("atlas.crypto.documents.current", "k1",
				"atlas.crypto.documents.keys.k1", "ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM="));

		assertThatIllegalStateException().isThrownBy(() -> DevSecrets.refuseUnlessAllowed(environment))
			.withMessageContaining("atlas.crypto.documents.keys.k1")
			.withMessageNotContaining("atlas.crypto.documents.current")
			.withMessageNotContaining("ZGV2");
	}

	@Test
	void theDevelopmentKeyringsOfComposeAndTheDevOverlayAreRefusedToo() {
		for (String key : new String[] { "ZGV2LW9ubHktcHJvdmlkZXItc2VjcmV0cy1rZXktMDE=",
				"ZGV2LW9ubHktZG9jdW1lbnRzLWtleS1udW1iZXItMDE=", "ZGV2LW9ubHktZXhwb3J0LWZpbGVzLWtleS1udW0tMDE=",
				"ZGV2LW9ubHktdW5zdWJzY3JpYmUtbGlua3Mta2V5MDE=" }) {
			ConfigurableEnvironment environment = environment(
					Map.<String, Object>of("ATLAS_CRYPTO_DOCUMENTS_KEYS_DEV1", key));

			assertThatIllegalStateException().isThrownBy(() -> DevSecrets.refuseUnlessAllowed(environment))
				.withMessageContaining("ATLAS_CRYPTO_DOCUMENTS_KEYS_DEV1");
		}
	}

	@Test
	void skipsValuesItCannotResolve() {
		ConfigurableEnvironment environment = environment(Map.of("some.value", "${NOT_SET_ANYWHERE}"));

		assertThat(DevSecrets.findIn(environment)).isEmpty();
	}

	/** An environment of these properties only, whatever the test JVM's own variables. */
	private static ConfigurableEnvironment environment(Map<String, Object> properties) {
		ConfigurableEnvironment environment = new AbstractEnvironment() {
		};
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

}
