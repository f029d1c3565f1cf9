package com.onsiteatlas.registry.security;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.onsiteatlas.identity.secrets.DevSecretsConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

class DevSecretsConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(DevSecretsConfiguration.class);

	@Test
	void refusesToStartWithTheRepositorysDevelopmentSecret() {
		this.runner.withPropertyValues("atlas.registry.password=dev-only-registry-password")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("atlas.registry.password")
				.hasMessageContaining("ATLAS_DEV_DEFAULTS_ALLOWED=true"));
	}

	@Test
	void startsWithARealSecretOrOnADevelopmentMachine() {
		this.runner.withPropertyValues("atlas.registry.password=a-real-secret-that-nobody-published-0123456789")
			.run((context) -> assertThat(context).hasNotFailed());
		this.runner
			.withPropertyValues("atlas.registry.password=dev-only-registry-password", "atlas.dev-defaults.allowed=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
