package com.onsiteatlas.identity.secrets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class DevSecretsConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(DevSecretsConfiguration.class);

	@Test
	void refusesToStartWithTheRepositorysDevelopmentSecret() {
		this.runner
			.withPropertyValues("atlas.security.internal-token-secret=dev-internal-token-secret-change-me-0123456789")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("atlas.security.internal-token-secret")
				.hasMessageContaining("ATLAS_DEV_DEFAULTS_ALLOWED=true"));
	}

	@Test
	void startsWithARealSecretOrOnADevelopmentMachine() {
		this.runner
			.withPropertyValues("atlas.security.internal-token-secret=a-real-secret-that-nobody-published-0123456789")
			.run((context) -> assertThat(context).hasNotFailed());
		this.runner
			.withPropertyValues("atlas.security.internal-token-secret=dev-internal-token-secret-change-me-0123456789",
					"atlas.dev-defaults.allowed=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void isAnAutoConfigurationSoEveryApplicationWithThisModuleGetsTheRule() {
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
			.contains(DevSecretsConfiguration.class.getName());
	}

}
