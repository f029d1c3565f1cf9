package com.onsiteatlas.gateway.auth;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jwt.JWTClaimsSet;

/**
 * Remembers the claims of incoming tokens the {@link IncomingTokenVerifier} has accepted,
 * so that a client sending the same token again is not parsed and HMAC-checked on every
 * request (token verification was the gateway's largest own CPU cost per proxied request
 * in the JFR profile of issue 14). The key is the whole compact token, signature
 * included: a token that differs in any character (tampered, re-signed, another
 * algorithm) is a miss and goes through the full check. Only accepted tokens are kept;
 * rejections are never cached. {@code exp} and {@code nbf} are checked again on every
 * hit, so a remembered token stops being accepted at the same instant as an unremembered
 * one. What the token does not say (a staff role, an account's state) is still resolved
 * per request by the caller of this class. Bounded in size; entries also leave after a
 * fixed time.
 */
class VerifiedTokenCache {

	private final IncomingTokenVerifier verifier;

	private final Cache<String, JWTClaimsSet> accepted;

	/**
	 * Creates the cache.
	 * @param verifier the full check, run on every miss
	 * @param maxSize the most tokens remembered
	 * @param keepFor how long an accepted token is remembered at most (its own
	 * {@code exp} still applies)
	 */
	VerifiedTokenCache(IncomingTokenVerifier verifier, long maxSize, Duration keepFor) {
		this.verifier = verifier;
		this.accepted = Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(keepFor).build();
	}

	/**
	 * Verifies the token, from memory when it was accepted before.
	 * @param token the compact JWT from the {@code Authorization: Bearer} header
	 * @return the verified claims
	 * @throws AuthenticationFailedException as {@link IncomingTokenVerifier#verify}
	 */
	JWTClaimsSet verify(String token) {
		JWTClaimsSet claims = this.accepted.getIfPresent(token);
		if (claims != null) {
			this.verifier.checkTimes(claims);
			return claims;
		}
		claims = this.verifier.verify(token);
		this.accepted.put(token, claims);
		return claims;
	}

}
