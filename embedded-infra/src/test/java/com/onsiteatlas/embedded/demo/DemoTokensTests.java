package com.onsiteatlas.embedded.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoTokensTests {

	static final String INTERNAL_SECRET = "dev-internal-token-secret-change-me-0123456789";

	@Test
	void identityTokenCarriesTheGatewayContractAndVerifiesWithTheInternalSecret() throws Exception {
		Instant now = Instant.now();
		SignedJWT jwt = SignedJWT.parse(DemoTokens.identityToken(INTERNAL_SECRET, "manager", "notification-service",
				now, Duration.ofMinutes(5)));
		assertThat(jwt.verify(new MACVerifier(INTERNAL_SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
		assertThat(jwt
			.verify(new MACVerifier("another-secret-that-is-long-enough-0123456789".getBytes(StandardCharsets.UTF_8))))
			.isFalse();
		var claims = jwt.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo("onsite-atlas-gateway");
		assertThat(claims.getAudience()).containsExactly("notification-service");
		assertThat(claims.getStringClaim("role")).isEqualTo("manager");
		assertThat(claims.getStringClaim("atlas_type")).isEqualTo("staff");
		assertThat(claims.getExpirationTime().toInstant()).isAfter(now).isBefore(now.plus(Duration.ofMinutes(6)));
	}

}
