package com.onsiteatlas.identity.secrets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretComparisonTests {

	@Test
	void matchesOnlyTheExactConfiguredSecret() {
		assertThat(SecretComparison.matches("s3cret-Ä", "s3cret-Ä")).isTrue();
		assertThat(SecretComparison.matches("s3cret-A", "s3cret-Ä")).isFalse();
		assertThat(SecretComparison.matches("s3cret", "s3cret-Ä")).isFalse();
		assertThat(SecretComparison.matches("", "s3cret")).isFalse();
	}

	@Test
	void anUnsetSecretLetsNobodyIn() {
		assertThat(SecretComparison.matches("", "")).isFalse();
		assertThat(SecretComparison.matches(null, null)).isFalse();
		assertThat(SecretComparison.matches("anything", null)).isFalse();
	}

}
