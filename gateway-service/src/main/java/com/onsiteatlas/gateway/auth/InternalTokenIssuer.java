package com.onsiteatlas.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import com.onsiteatlas.identity.InternalIdentityToken;

/**
 * Mints {@link InternalIdentityToken internal identity tokens}. CPU only, safe on the
 * event loop.
 */
class InternalTokenIssuer {

	private final MACSigner signer;

	private final Duration ttl;

	private final Clock clock;

	/**
	 * Creates an issuer.
	 * @param secret the HS256 secret, at least 32 bytes
	 * @param ttl the lifetime of each token
	 * @param clock the clock
	 */
	public InternalTokenIssuer(String secret, Duration ttl, Clock clock) {
		try {
			this.signer = new MACSigner(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("The internal token secret must be at least 32 bytes", ex);
		}
		this.ttl = ttl;
		this.clock = clock;
	}

	/**
	 * Mints a token for an authenticated caller whose role is known, for one service.
	 * @param caller the caller
	 * @param service the name of the service the request goes to, the token's audience
	 * @return the compact JWS
	 */
	public String issue(Caller caller, String service) {
		if (caller.role() == null || !InternalIdentityToken.ROLES.contains(caller.role())) {
			throw new IllegalArgumentException("No internal token for role " + caller.role());
		}
		JWTClaimsSet.Builder claims = claims(service, caller.id(), caller.type().claimValue(), caller.role());
		if (caller.eventId() != null) {
			claims.claim(InternalIdentityToken.EVENT_ID_CLAIM, caller.eventId());
		}
		if (caller.name() != null) {
			claims.claim(InternalIdentityToken.NAME_CLAIM, caller.name());
		}
		if (caller.email() != null) {
			claims.claim(InternalIdentityToken.EMAIL_CLAIM, caller.email());
		}
		return sign(claims);
	}

	/**
	 * Mints the gateway's own token for one service, which the service accepts for its
	 * API document only.
	 * @param service the name of the service, the token's audience
	 * @return the compact JWS
	 */
	public String issueForGateway(String service) {
		return sign(claims(service, InternalIdentityToken.GATEWAY_SUBJECT, InternalIdentityToken.GATEWAY,
				InternalIdentityToken.GATEWAY));
	}

	private JWTClaimsSet.Builder claims(String service, String subject, String type, String role) {
		Instant now = this.clock.instant();
		return new JWTClaimsSet.Builder().issuer(InternalIdentityToken.ISSUER)
			.audience(service)
			.subject(subject)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(this.ttl)))
			.jwtID(UUID.randomUUID().toString())
			.claim(InternalIdentityToken.TYPE_CLAIM, type)
			.claim(InternalIdentityToken.ROLE_CLAIM, role);
	}

	private String sign(JWTClaimsSet.Builder claims) {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
				claims.build());
		try {
			jwt.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign the internal token", ex);
		}
		return jwt.serialize();
	}

}
