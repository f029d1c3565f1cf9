package com.onsiteatlas.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import com.onsiteatlas.gateway.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokenCacheTests {

	private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

	private final SettableClock clock = new SettableClock(NOW);

	private final CountingVerifier verifier = new CountingVerifier(this.clock);

	private final VerifiedTokenCache cache = new VerifiedTokenCache(this.verifier, 100, Duration.ofMinutes(10));

	@Test
	void verifiesAnAcceptedTokenOnlyOnce() {
		String token = TestTokens.hs256(claims(3600, "id", "u1"));
		JWTClaimsSet first = this.cache.verify(token);
		JWTClaimsSet second = this.cache.verify(token);
		assertThat(second.getClaim("id")).isEqualTo("u1");
		assertThat(second).isSameAs(first);
		assertThat(this.verifier.fullChecks).isEqualTo(1);
	}

	@Test
	void rejectsARememberedTokenFromItsExpiryOn() {
		String token = TestTokens.hs256(claims(60, "id", "u1"));
		assertThat(this.cache.verify(token)).isNotNull();
		this.clock.now = NOW.plusSeconds(59);
		assertThat(this.cache.verify(token)).isNotNull();
		this.clock.now = NOW.plusSeconds(60);
		assertThatExceptionOfType(AuthenticationFailedException.class).isThrownBy(() -> this.cache.verify(token))
			.withMessage(AuthenticationFailedException.TOKEN_EXPIRED);
		assertThat(this.verifier.fullChecks).isEqualTo(1);
	}

	@Test
	void neverAcceptsATamperedCopyOfARememberedToken() {
		String token = TestTokens.hs256(claims(3600, "id", "u1"));
		this.cache.verify(token);
		String[] parts = token.split("\\.");
		String otherPayload = TestTokens.hs256(claims(3600, "id", "u2", "role", "admin")).split("\\.")[1];
		expectInvalid(parts[0] + "." + otherPayload + "." + parts[2]);
		String otherSignature = TestTokens
			.hmac("HS256", "HmacSHA256", "another-secret-of-at-least-32-bytes-0123", claims(3600, "id", "u1"))
			.split("\\.")[2];
		expectInvalid(parts[0] + "." + parts[1] + "." + otherSignature);
		expectInvalid(parts[0] + "." + parts[1] + ".");
		assertThat(this.cache.verify(token).getClaim("id")).isEqualTo("u1");
	}

	@Test
	void neverRemembersARejection() {
		Map<String, Object> notYet = claims(3600, "id", "u1");
		notYet.put("nbf", NOW.getEpochSecond() + 5);
		String token = TestTokens.hs256(notYet);
		expectInvalid(token);
		expectInvalid(token);
		assertThat(this.verifier.fullChecks).isEqualTo(2);
		this.clock.now = NOW.plusSeconds(5);
		assertThat(this.cache.verify(token).getClaim("id")).isEqualTo("u1");
	}

	private void expectInvalid(String token) {
		assertThatExceptionOfType(AuthenticationFailedException.class).isThrownBy(() -> this.cache.verify(token))
			.withMessage(AuthenticationFailedException.TOKEN_INVALID);
	}

	private static Map<String, Object> claims(long expiresInSeconds, Object... keysAndValues) {
		Map<String, Object> claims = TestTokens.claims(keysAndValues);
		claims.put("iat", NOW.getEpochSecond() - 60);
		claims.put("exp", NOW.getEpochSecond() + expiresInSeconds);
		return claims;
	}

	private static final class CountingVerifier extends IncomingTokenVerifier {

		private int fullChecks;

		CountingVerifier(Clock clock) {
			super(TestTokens.JWT_SECRET, Duration.ZERO, clock);
		}

		@Override
		public JWTClaimsSet verify(String token) {
			this.fullChecks++;
			return super.verify(token);
		}

	}

}
