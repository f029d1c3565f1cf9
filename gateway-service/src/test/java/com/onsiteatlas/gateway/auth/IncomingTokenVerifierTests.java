package com.onsiteatlas.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import com.onsiteatlas.gateway.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IncomingTokenVerifierTests {

	private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

	private final IncomingTokenVerifier verifier = new IncomingTokenVerifier(TestTokens.JWT_SECRET, Duration.ZERO,
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void acceptsAnOnsiteAtlasStaffToken() {
		JWTClaimsSet claims = this.verifier.verify(TestTokens.hs256(claims("id", "665f1c2ab1e4a1d2c3b4a5f6")));
		assertThat(claims.getClaim("id")).isEqualTo("665f1c2ab1e4a1d2c3b4a5f6");
	}

	@Test
	void treatsTheExpiryInstantItselfAsExpired() {
		Map<String, Object> claims = claims("id", "u1");
		claims.put("exp", NOW.getEpochSecond());
		expectRejected(TestTokens.hs256(claims), AuthenticationFailedException.TOKEN_EXPIRED);
		claims.put("exp", NOW.getEpochSecond() + 1);
		assertThat(this.verifier.verify(TestTokens.hs256(claims))).isNotNull();
	}

	@Test
	void honoursTheConfiguredClockSkew() {
		Map<String, Object> claims = claims("id", "u1");
		claims.put("exp", NOW.getEpochSecond() - 10);
		IncomingTokenVerifier lenient = new IncomingTokenVerifier(TestTokens.JWT_SECRET, Duration.ofSeconds(30),
				Clock.fixed(NOW, ZoneOffset.UTC));
		assertThat(lenient.verify(TestTokens.hs256(claims))).isNotNull();
		expectRejected(TestTokens.hs256(claims), AuthenticationFailedException.TOKEN_EXPIRED);
	}

	@Test
	void rejectsATokenThatIsNotValidYet() {
		Map<String, Object> claims = claims("id", "u1");
		claims.put("nbf", NOW.getEpochSecond() + 5);
		expectRejected(TestTokens.hs256(claims), AuthenticationFailedException.TOKEN_INVALID);
	}

	@Test
	void rejectsUnsignedAndForeignAlgorithmTokens() {
		Map<String, Object> claims = claims("id", "u1");
		expectRejected(TestTokens.unsigned(claims), AuthenticationFailedException.TOKEN_INVALID);
		expectRejected(TestTokens.hmac("HS512", "HmacSHA512", TestTokens.JWT_SECRET, claims),
				AuthenticationFailedException.TOKEN_INVALID);
		expectRejected(TestTokens.hmac("HS384", "HmacSHA384", TestTokens.JWT_SECRET, claims),
				AuthenticationFailedException.TOKEN_INVALID);
		expectRejected(TestTokens.rs256(claims), AuthenticationFailedException.TOKEN_INVALID);
		// An HS256 signature under a header that claims another algorithm.
		String hs256 = TestTokens.hs256(claims);
		String relabelled = TestTokens.unsigned(claims).split("\\.")[0] + "." + hs256.split("\\.")[1] + "."
				+ hs256.split("\\.")[2];
		expectRejected(relabelled, AuthenticationFailedException.TOKEN_INVALID);
	}

	@Test
	void rejectsATamperedPayload() {
		String token = TestTokens.hs256(claims("id", "u1"));
		String otherPayload = TestTokens.hs256(claims("id", "u2", "role", "admin")).split("\\.")[1];
		String[] parts = token.split("\\.");
		expectRejected(parts[0] + "." + otherPayload + "." + parts[2], AuthenticationFailedException.TOKEN_INVALID);
	}

	@Test
	void rejectsMalformedTokensAndMissingClaims() {
		expectRejected("", AuthenticationFailedException.TOKEN_INVALID);
		expectRejected("a.b", AuthenticationFailedException.TOKEN_INVALID);
		expectRejected("%%%.%%%.%%%", AuthenticationFailedException.TOKEN_INVALID);
		expectRejected(TestTokens.hs256(claims("role", "admin")), AuthenticationFailedException.TOKEN_INVALID);
		expectRejected(TestTokens.hs256(claims("id", " ")), AuthenticationFailedException.TOKEN_INVALID);
		expectRejected(TestTokens.hs256(claims("id", Map.of("$oid", "x"))),
				AuthenticationFailedException.TOKEN_INVALID);
		Map<String, Object> noExpiry = claims("id", "u1");
		noExpiry.remove("exp");
		expectRejected(TestTokens.hs256(noExpiry), AuthenticationFailedException.TOKEN_INVALID);
		Map<String, Object> textExpiry = claims("id", "u1");
		textExpiry.put("exp", "tomorrow");
		expectRejected(TestTokens.hs256(textExpiry), AuthenticationFailedException.TOKEN_INVALID);
	}

	@Test
	void verifiesLegacySecretsShorterThanNimbusAccepts() {
		String shortSecret = "short-legacy-secret";
		IncomingTokenVerifier legacy = new IncomingTokenVerifier(shortSecret, Duration.ZERO,
				Clock.fixed(NOW, ZoneOffset.UTC));
		Map<String, Object> claims = claims("id", "u1");
		assertThat(legacy.verify(TestTokens.hmac("HS256", "HmacSHA256", shortSecret, claims)).getClaim("id"))
			.isEqualTo("u1");
		assertThatExceptionOfType(AuthenticationFailedException.class)
			.isThrownBy(() -> legacy.verify(TestTokens.hmac("HS256", "HmacSHA256", "short-legacy-secreT", claims)));
		assertThatExceptionOfType(AuthenticationFailedException.class)
			.isThrownBy(() -> legacy.verify(TestTokens.unsigned(claims)));
	}

	private void expectRejected(String token, String message) {
		assertThatExceptionOfType(AuthenticationFailedException.class).isThrownBy(() -> this.verifier.verify(token))
			.withMessage(message);
	}

	private static Map<String, Object> claims(Object... keysAndValues) {
		Map<String, Object> claims = TestTokens.claims(keysAndValues);
		claims.put("iat", NOW.getEpochSecond() - 60);
		claims.put("exp", NOW.getEpochSecond() + 3600);
		return claims;
	}

}
