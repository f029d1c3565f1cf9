package com.onsiteatlas.support.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import com.onsiteatlas.identity.InternalIdentityToken;

/**
 * Mints the identity tokens the gateway would send, for service tests.
 */
public final class IdentityTokens {

	/**
	 * The audiences the tokens name: each business service, and service-support's own
	 * test application. A test of the audience check itself uses
	 * {@link #mintFor(String, String, String, String, String, String, Instant)}.
	 */
	public static final List<String> TEST_AUDIENCES = List.of("notification-service", "lodging-travel-service",
			"reporting-service", "support-test");

	/** The dev default of {@code ATLAS_INTERNAL_TOKEN_SECRET}, which tests run with. */
	public static final String DEV_SECRET = "dev-internal-token-secret-change-me-0123456789";

	private IdentityTokens() {
	}

	public static String staff(String role) {
		return mint("65f0a00000000000000000a1", "staff", role, null, DEV_SECRET, Instant.now().plusSeconds(60));
	}

	public static String registrant(String registrationObjectId, String eventId) {
		return mint(registrationObjectId, "registrant", "registrant", eventId, DEV_SECRET,
				Instant.now().plusSeconds(60));
	}

	/**
	 * The gateway's own token, which it sends only to fetch API documents.
	 * @return the token
	 */
	public static String gateway() {
		return of(InternalIdentityToken.GATEWAY_SUBJECT, InternalIdentityToken.GATEWAY, InternalIdentityToken.GATEWAY,
				null);
	}

	public static String of(String subject, String type, String role, String eventId) {
		return mint(subject, type, role, eventId, DEV_SECRET, Instant.now().plusSeconds(60));
	}

	public static String mint(String subject, String type, String role, String eventId, String secret,
			Instant expiresAt) {
		return mint(TEST_AUDIENCES, subject, type, role, eventId, secret, expiresAt);
	}

	public static String mintFor(String audience, String subject, String type, String role, String eventId,
			String secret, Instant expiresAt) {
		return mint(List.of(audience), subject, type, role, eventId, secret, expiresAt);
	}

	private static String mint(List<String> audiences, String subject, String type, String role, String eventId,
			String secret, Instant expiresAt) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(InternalIdentityToken.ISSUER)
			.audience(audiences)
			.subject(subject)
			.issueTime(new Date())
			.expirationTime(Date.from(expiresAt))
			.jwtID(UUID.randomUUID().toString())
			.claim(InternalIdentityToken.TYPE_CLAIM, type)
			.claim(InternalIdentityToken.ROLE_CLAIM, role);
		if (eventId != null) {
			claims.claim(InternalIdentityToken.EVENT_ID_CLAIM, eventId);
		}
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
			jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
