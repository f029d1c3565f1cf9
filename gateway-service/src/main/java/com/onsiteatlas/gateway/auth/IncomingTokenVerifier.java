package com.onsiteatlas.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Verifies a token issued by ONSITE ATLAS ({@code jsonwebtoken}, HS256,
 * {@code JWT_SECRET}). Only HS256 is accepted: unsigned ({@code alg: none}), other HMAC
 * sizes and asymmetric algorithms are rejected before any key is used. The token must
 * carry {@code exp} (every ONSITE ATLAS issuer sets it) and a non-blank string
 * {@code id}; {@code nbf} is honoured. CPU only, safe to call on the event loop.
 */
class IncomingTokenVerifier {

	private static final Log logger = LogFactory.getLog(IncomingTokenVerifier.class);

	private static final int NIMBUS_MIN_SECRET_BYTES = 32;

	private final byte[] secret;

	private final MACVerifier nimbusVerifier;

	private final Duration clockSkew;

	private final Clock clock;

	/**
	 * Creates a verifier.
	 * @param secret the shared secret
	 * @param clockSkew tolerance for {@code exp} and {@code nbf}
	 * @param clock the clock
	 */
	public IncomingTokenVerifier(String secret, Duration clockSkew, Clock clock) {
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
		this.clockSkew = clockSkew;
		this.clock = clock;
		if (this.secret.length >= NIMBUS_MIN_SECRET_BYTES) {
			try {
				this.nimbusVerifier = new MACVerifier(this.secret);
			}
			catch (JOSEException ex) {
				throw new IllegalArgumentException("Unusable JWT secret", ex);
			}
		}
		else {
			// jsonwebtoken accepts any secret length, Nimbus insists on 256 bits. Verify
			// such legacy secrets directly.
			logger.warn("JWT_SECRET is shorter than 32 bytes; ONSITE ATLAS tokens are verified without Nimbus's "
					+ "key length check. Use a longer secret in ONSITE ATLAS and here.");
			this.nimbusVerifier = null;
		}
	}

	/**
	 * Verifies the token and returns its claims.
	 * @param token the compact JWT from the {@code Authorization: Bearer} header
	 * @return the verified claims
	 * @throws AuthenticationFailedException with
	 * {@link AuthenticationFailedException#TOKEN_EXPIRED} or
	 * {@link AuthenticationFailedException#TOKEN_INVALID}
	 */
	public JWTClaimsSet verify(String token) {
		SignedJWT jwt = parse(token);
		if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
			throw invalid();
		}
		if (!signatureMatches(jwt)) {
			throw invalid();
		}
		JWTClaimsSet claims;
		try {
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw invalid();
		}
		checkTimes(claims);
		Object id = claims.getClaim("id");
		if (!(id instanceof String text) || text.isBlank()) {
			throw invalid();
		}
		return claims;
	}

	private static SignedJWT parse(String token) {
		try {
			JWT jwt = JWTParser.parse(token);
			if (jwt instanceof SignedJWT signed) {
				return signed;
			}
		}
		catch (ParseException | RuntimeException ex) {
			// fall through: malformed
		}
		throw invalid();
	}

	private boolean signatureMatches(SignedJWT jwt) {
		if (this.nimbusVerifier != null) {
			try {
				return jwt.verify(this.nimbusVerifier);
			}
			catch (JOSEException | IllegalStateException ex) {
				return false;
			}
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
			byte[] expected = mac.doFinal(jwt.getSigningInput());
			return MessageDigest.isEqual(expected, jwt.getSignature().decode());
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/**
	 * Checks {@code exp} (required) and {@code nbf} of claims this verifier accepted
	 * before, against the clock now.
	 * @param claims the claims
	 * @throws AuthenticationFailedException when the token has expired or is not valid
	 * yet
	 */
	void checkTimes(JWTClaimsSet claims) {
		Date expiration;
		Date notBefore;
		try {
			expiration = claims.getDateClaim("exp");
			notBefore = claims.getDateClaim("nbf");
		}
		catch (ParseException ex) {
			throw invalid();
		}
		Instant now = this.clock.instant();
		if (expiration == null) {
			throw invalid();
		}
		if (!now.isBefore(expiration.toInstant().plus(this.clockSkew))) {
			throw new AuthenticationFailedException(AuthenticationFailedException.TOKEN_EXPIRED);
		}
		if (notBefore != null && now.plus(this.clockSkew).isBefore(notBefore.toInstant())) {
			throw invalid();
		}
	}

	private static AuthenticationFailedException invalid() {
		return new AuthenticationFailedException(AuthenticationFailedException.TOKEN_INVALID);
	}

}
