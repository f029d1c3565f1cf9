package com.onsiteatlas.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.onsiteatlas.gateway.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InternalTokenIssuerTests {

	private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

	private final InternalTokenIssuer issuer = new InternalTokenIssuer(TestTokens.INTERNAL_SECRET,
			Duration.ofSeconds(60), Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void signsTheDocumentedClaimsWithTheInternalSecret() throws Exception {
		SignedJWT jwt = SignedJWT.parse(
				this.issuer.issue(new Caller("c1", CallerType.CLIENT, "client", "e1", "Acme Travel", "ops@acme.test"),
						"lodging-travel-service"));
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
		assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
		assertThat(jwt.verify(new MACVerifier(TestTokens.INTERNAL_SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo("onsite-atlas-gateway");
		assertThat(claims.getAudience()).containsExactly("lodging-travel-service");
		assertThat(claims.getSubject()).isEqualTo("c1");
		assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
		assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(60));
		assertThat(claims.getStringClaim("atlas_type")).isEqualTo("client");
		assertThat(claims.getStringClaim("role")).isEqualTo("client");
		assertThat(claims.getStringClaim("event_id")).isEqualTo("e1");
		assertThat(claims.getStringClaim("name")).isEqualTo("Acme Travel");
		assertThat(claims.getStringClaim("email")).isEqualTo("ops@acme.test");
	}

	@Test
	void omitsUnknownOptionalClaimsAndUsesAFreshIdEachTime() throws Exception {
		Caller staff = new Caller("u1", CallerType.STAFF, "admin", null, null, null);
		JWTClaimsSet first = SignedJWT.parse(this.issuer.issue(staff, "notification-service")).getJWTClaimsSet();
		JWTClaimsSet second = SignedJWT.parse(this.issuer.issue(staff, "notification-service")).getJWTClaimsSet();
		assertThat(first.getClaims()).doesNotContainKeys("event_id", "name", "email");
		assertThat(first.getJWTID()).isNotEqualTo(second.getJWTID());
	}

	@Test
	void refusesRolesOutsideTheContract() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.issuer
			.issue(new Caller("u1", CallerType.STAFF, "organizer", null, null, null), "notification-service"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.issuer
			.issue(new Caller("u1", CallerType.STAFF, null, null, null, null), "notification-service"));
	}

	@Test
	void refusesSecretsShorterThan32Bytes() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InternalTokenIssuer("0123456789012345678901234567890",
				Duration.ofSeconds(60), Clock.systemUTC()));
	}

}
