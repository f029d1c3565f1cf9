package com.onsiteatlas.gateway.auth;

import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.onsiteatlas.gateway.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InternalTokenReuseTests {

	private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

	private static final Caller ADMIN = new Caller("u1", CallerType.STAFF, "admin", null, "Asha", null);

	private final SettableClock clock = new SettableClock(NOW);

	private final InternalTokenReuse tokens = new InternalTokenReuse(
			new InternalTokenIssuer(TestTokens.INTERNAL_SECRET, Duration.ofSeconds(60), this.clock),
			Duration.ofSeconds(60), 100, this.clock);

	@Test
	void reusesACallersTokenForHalfItsLifetime() throws Exception {
		String first = this.tokens.forCaller(ADMIN, "lodging-travel-service");
		this.clock.now = NOW.plusSeconds(29);
		assertThat(this.tokens.forCaller(ADMIN, "lodging-travel-service")).isEqualTo(first);
		this.clock.now = NOW.plusSeconds(30);
		String renewed = this.tokens.forCaller(ADMIN, "lodging-travel-service");
		assertThat(renewed).isNotEqualTo(first);
		JWTClaimsSet claims = SignedJWT.parse(renewed).getJWTClaimsSet();
		assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW.plusSeconds(30));
		assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(90));
	}

	@Test
	void signsApartPerServiceAndPerCallerDetails() throws Exception {
		String lodging = this.tokens.forCaller(ADMIN, "lodging-travel-service");
		String reporting = this.tokens.forCaller(ADMIN, "reporting-service");
		Caller demoted = new Caller("u1", CallerType.STAFF, "staff", null, "Asha", null);
		String asStaff = this.tokens.forCaller(demoted, "lodging-travel-service");
		assertThat(SignedJWT.parse(reporting).getJWTClaimsSet().getAudience()).containsExactly("reporting-service");
		assertThat(SignedJWT.parse(asStaff).getJWTClaimsSet().getStringClaim("role")).isEqualTo("staff");
		assertThat(lodging).isNotEqualTo(reporting).isNotEqualTo(asStaff);
		assertThat(this.tokens.forGateway("lodging-travel-service")).isNotEqualTo(lodging)
			.isEqualTo(this.tokens.forGateway("lodging-travel-service"));
	}

}
