package com.onsiteatlas.embedded.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;

/**
 * Tokens shaped exactly like the ones ONSITE ATLAS issues ({@code jsonwebtoken}, HS256,
 * {@code JWT_SECRET}): staff tokens carry only {@code id} (the role is looked up through
 * {@code /api/auth/me}); registrant tokens carry {@code id}, {@code type: "registrant"}
 * and {@code eventId}.
 */
public final class DemoTokens {

	/** How long demo tokens are valid. */
	public static final Duration VALIDITY = Duration.ofHours(24);

	private static final ObjectMapper JSON = new ObjectMapper();

	private DemoTokens() {
	}

	/**
	 * Mints a staff user's token.
	 * @param secret the HS256 secret (at least 32 bytes)
	 * @param userId the user's id
	 * @param now issue time
	 * @return the compact JWT
	 */
	public static String staff(String secret, String userId, Instant now) {
		return sign(secret, Map.of("id", userId), now);
	}

	/**
	 * Mints a registrant's token.
	 * @param secret the HS256 secret
	 * @param registrationId the registration's Mongo id
	 * @param eventId the conference id
	 * @param now issue time
	 * @return the compact JWT
	 */
	public static String registrant(String secret, String registrationId, String eventId, Instant now) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("id", registrationId);
		claims.put("type", "registrant");
		claims.put("eventId", eventId);
		return sign(secret, claims, now);
	}

	/**
	 * The demo tokens, in the order {@code .atlas/demo-tokens.env} lists them.
	 * @param secret the HS256 secret
	 * @param now issue time
	 * @return variable name to value, including {@code EVENT_ID}
	 */
	public static Map<String, String> all(String secret, Instant now) {
		Map<String, String> tokens = new LinkedHashMap<>();
		tokens.put("ADMIN_TOKEN", staff(secret, DemoData.staff("admin").id(), now));
		tokens.put("MANAGER_TOKEN", staff(secret, DemoData.staff("manager").id(), now));
		tokens.put("STAFF_TOKEN", staff(secret, DemoData.staff("staff").id(), now));
		tokens.put("REGISTRANT_TOKEN", registrant(secret, DemoData.REGISTRANT_REGISTRATION_ID, DemoData.EVENT_ID, now));
		tokens.put("EVENT_ID", DemoData.EVENT_ID);
		return tokens;
	}

	/**
	 * A gateway identity token (the internal token services verify, see docs/gateway.md)
	 * for a demo staff user, so benchmarks can call a service port directly and measure
	 * what the gateway adds. Each service accepts only tokens whose audience is its own
	 * name (docs/security.md, item 2), as the gateway signs them.
	 * @param internalSecret {@code ATLAS_INTERNAL_TOKEN_SECRET}
	 * @param role staff role
	 * @param service the service the token is for, e.g. {@code lodging-travel-service}
	 * @param now issue time
	 * @param validity how long it is valid
	 * @return the token
	 */
	public static String identityToken(String internalSecret, String role, String service, Instant now,
			Duration validity) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("iss", "onsite-atlas-gateway");
		payload.put("aud", service);
		payload.put("sub", "65f0a00000000000000000a1");
		payload.put("atlas_type", "staff");
		payload.put("role", role);
		payload.put("iat", now.getEpochSecond());
		payload.put("exp", now.plus(validity).getEpochSecond());
		JWSObject jwt = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
				new Payload(toJson(payload)));
		try {
			jwt.sign(new MACSigner(internalSecret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("ATLAS_INTERNAL_TOKEN_SECRET must be at least 32 bytes", ex);
		}
		return jwt.serialize();
	}

	private static String sign(String secret, Map<String, Object> claims, Instant now) {
		// The payload in jsonwebtoken's order: the signed object first, then iat and exp
		// in whole seconds.
		Map<String, Object> payload = new LinkedHashMap<>(claims);
		payload.put("iat", now.getEpochSecond());
		payload.put("exp", now.plus(VALIDITY).getEpochSecond());
		JWSObject jwt = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
				new Payload(toJson(payload)));
		try {
			jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("Cannot sign with this JWT_SECRET (HS256 needs at least 32 bytes)", ex);
		}
		return jwt.serialize();
	}

	private static String toJson(Map<String, Object> payload) {
		try {
			return JSON.writeValueAsString(payload);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
