package com.onsiteatlas.gateway.config;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class AtlasGatewayPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class)
		.withPropertyValues("atlas.gateway.jwt.secret=legacy-secret",
				"atlas.gateway.internal-token.secret=0123456789abcdef0123456789abcdef",
				"atlas.gateway.legacy.base-url=http://legacy:8090");

	@Test
	void appliesTheDocumentedDefaults() {
		this.runner.run((context) -> {
			AtlasGatewayProperties properties = context.getBean(AtlasGatewayProperties.class);
			assertThat(properties.maxRequestBytes()).isEqualTo(DataSize.ofMegabytes(11));
			assertThat(properties.rateLimit().requestsPerMinute()).isEqualTo(500);
			assertThat(properties.trustedProxies()).isEmpty();
			assertThat(properties.internalToken().ttl()).isEqualTo(Duration.ofSeconds(60));
			assertThat(properties.legacy().currentUserPath()).isEqualTo("/api/auth/me");
			assertThat(properties.legacy().roleCacheTtl()).isEqualTo(Duration.ofSeconds(60));
			assertThat(properties.legacy().roleLookupTimeout()).isEqualTo(Duration.ofSeconds(2));
			assertThat(properties.jwt().clockSkew()).isZero();
		});
	}

	@Test
	void bindsTrustedProxiesFromACommaSeparatedValueOrNothing() {
		this.runner.withPropertyValues("atlas.gateway.trusted-proxies=10.0.0.0/8, 192.168.0.1")
			.run((context) -> assertThat(context.getBean(AtlasGatewayProperties.class).trustedProxies())
				.containsExactly("10.0.0.0/8", "192.168.0.1"));
		this.runner.withPropertyValues("atlas.gateway.trusted-proxies=")
			.run((context) -> assertThat(context.getBean(AtlasGatewayProperties.class).trustedProxies())
				.allMatch(String::isBlank));
	}

	@Test
	void refusesToStartWithAnInternalSecretShorterThan32Bytes() {
		this.runner.withPropertyValues("atlas.gateway.internal-token.secret=0123456789abcdef0123456789abcde")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("must be at least 32 bytes"));
	}

	@Test
	void refusesToStartWithoutJwtSecretOrLegacyUrl() {
		this.runner.withPropertyValues("atlas.gateway.jwt.secret=")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("JWT_SECRET"));
		this.runner.withPropertyValues("atlas.gateway.legacy.base-url=")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("LEGACY_BACKEND_URL"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AtlasGatewayProperties.class)
	static class PropertiesConfiguration {

	}

}
