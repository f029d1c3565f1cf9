package com.onsiteatlas.suite;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * ONSITE ATLAS tokens in the shapes its portals issue (contract §1.2), signed like
 * {@code jsonwebtoken} does.
 */
final class Tokens {

	static final String EVENT_ID = "65f0a0000000000000000001";

	static final String ADMIN_ID = "65f0a00000000000000000a1";

	static final String MANAGER_ID = "65f0a00000000000000000a2";

	static final String STAFF_ID = "65f0a00000000000000000a3";

	static final String REVIEWER_ID = "65f0a00000000000000000a4";

	private Tokens() {
	}

	/**
	 * A staff token as ONSITE ATLAS issues it: {@code {id}} only; the gateway resolves
	 * the role.
	 */
	static String staff(String userId) {
		return sign(Map.of("id", userId), SuiteHarness.JWT_SECRET, JWSAlgorithm.HS256, Instant.now().plusSeconds(3600));
	}

	/**
	 * A staff token with a {@code role} claim, a shape ONSITE ATLAS never issues: the
	 * gateway ignores the claim.
	 */
	static String staffWithRole(String userId, String role) {
		return sign(Map.of("id", userId, "role", role), SuiteHarness.JWT_SECRET, JWSAlgorithm.HS256,
				Instant.now().plusSeconds(3600));
	}

	static String registrant(String registrationObjectId, String eventId) {
		return sign(Map.of("id", registrationObjectId, "type", "registrant", "eventId", eventId),
				SuiteHarness.JWT_SECRET, JWSAlgorithm.HS256, Instant.now().plusSeconds(3600));
	}

	/**
	 * A registrant token as ONSITE ATLAS's registrant portal issues it
	 * ({@code registrantPortalController.js}): {@code {id, type:'registrant'}}, without
	 * an event; the services bind it to its registration's conference.
	 */
	static String registrantPortal(String registrationObjectId) {
		return sign(Map.of("id", registrationObjectId, "type", "registrant"), SuiteHarness.JWT_SECRET,
				JWSAlgorithm.HS256, Instant.now().plusSeconds(3600));
	}

	static String sponsor() {
		return sign(Map.of("id", "65f0a0000000000000000501", "eventId", EVENT_ID, "sponsorId", "SPN-DEMO-001", "type",
				"sponsor"), SuiteHarness.JWT_SECRET, JWSAlgorithm.HS256, Instant.now().plusSeconds(3600));
	}

	static String client() {
		return sign(
				Map.of("id", "65f0a0000000000000000601", "type", "client", "event", EVENT_ID, "clientId", "OC-DEMO-001",
						"name", "Client"),
				SuiteHarness.JWT_SECRET, JWSAlgorithm.HS256, Instant.now().plusSeconds(3600));
	}

	static String author() {
		return sign(Map.of("id", "65f0a0000000000000000701", "role", "author", "event", EVENT_ID),
				SuiteHarness.JWT_SECRET, JWSAlgorithm.HS256, Instant.now().plusSeconds(3600));
	}

	static String expired() {
		return sign(Map.of("id", ADMIN_ID), SuiteHarness.JWT_SECRET, JWSAlgorithm.HS256,
				Instant.now().minusSeconds(60));
	}

	static String wrongSecret() {
		return sign(Map.of("id", ADMIN_ID), "another-secret-that-is-long-enough-0123456789", JWSAlgorithm.HS256,
				Instant.now().plusSeconds(3600));
	}

	static String hs512() {
		return sign(Map.of("id", ADMIN_ID), SuiteHarness.JWT_SECRET + SuiteHarness.JWT_SECRET, JWSAlgorithm.HS512,
				Instant.now().plusSeconds(3600));
	}

	/**
	 * {@code alg: none}: the classic forgery, an unsigned token claiming to be the admin.
	 */
	static String algNone() {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		String header = encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		String payload = encoder.encodeToString(("{\"id\":\"" + ADMIN_ID + "\",\"role\":\"admin\",\"exp\":"
				+ Instant.now().plusSeconds(3600).getEpochSecond() + "}")
			.getBytes(StandardCharsets.UTF_8));
		return header + "." + payload + ".";
	}

	private static String sign(Map<String, Object> claims, String secret, JWSAlgorithm algorithm, Instant expiresAt) {
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
		claims.forEach(builder::claim);
		builder.issueTime(Date.from(Instant.now().minusSeconds(1))).expirationTime(Date.from(expiresAt));
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(algorithm).type(com.nimbusds.jose.JOSEObjectType.JWT).build(),
					builder.build());
			jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A token with exactly these claims (plus {@code iat}, and {@code exp} in an hour),
	 * signed with the ONSITE ATLAS secret: for token shapes the helpers above do not
	 * cover, such as a sponsor of a given conference.
	 */
	static String withClaims(Map<String, Object> claims) {
		return sign(claims, SuiteHarness.JWT_SECRET, JWSAlgorithm.HS256, Instant.now().plusSeconds(3600));
	}

}
