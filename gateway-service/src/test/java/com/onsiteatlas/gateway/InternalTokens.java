package com.onsiteatlas.gateway;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.onsiteatlas.identity.InternalIdentityToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies an internal identity token the way a service does: HS256 with the internal
 * secret, issuer, audience, subject and a 60 second lifetime.
 */
final class InternalTokens {

	private InternalTokens() {
	}

	static JWTClaimsSet verify(String token) {
		assertThat(token).as("internal token").isNotNull();
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
			assertThat(jwt.verify(new MACVerifier(TestTokens.INTERNAL_SECRET.getBytes(StandardCharsets.UTF_8))))
				.as("signature with the internal secret")
				.isTrue();
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			assertThat(claims.getIssuer()).isEqualTo(InternalIdentityToken.ISSUER);
			assertThat(claims.getAudience()).hasSize(1)
				.first()
				.isIn("notification-service", "lodging-travel-service", "reporting-service");
			assertThat(claims.getSubject()).isNotBlank();
			assertThat(claims.getJWTID()).isNotBlank();
			assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(60_000);
			assertThat(claims.getExpirationTime()).isInTheFuture();
			assertThat(Set.of(claims.getStringClaim(InternalIdentityToken.TYPE_CLAIM)))
				.isSubsetOf(InternalIdentityToken.TYPES);
			assertThat(Set.of(claims.getStringClaim(InternalIdentityToken.ROLE_CLAIM)))
				.isSubsetOf(InternalIdentityToken.ROLES);
			return claims;
		}
		catch (ParseException | JOSEException ex) {
			throw new AssertionError("Not a valid internal token: " + token, ex);
		}
	}

}
