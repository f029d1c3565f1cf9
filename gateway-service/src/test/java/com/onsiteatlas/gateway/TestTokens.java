package com.onsiteatlas.gateway;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Hand-built tokens shaped like ONSITE ATLAS's (jsonwebtoken: header
 * {@code {"alg":"HS256","typ":"JWT"}}, payload with {@code iat} and {@code exp} in
 * seconds), plus the broken and hostile variants the gateway must reject.
 */
public final class TestTokens {

	/** {@code JWT_SECRET} of the test context. */
	public static final String JWT_SECRET = "test-jwt-secret-for-the-gateway-0123456789";

	/** {@code ATLAS_INTERNAL_TOKEN_SECRET} of the test context. */
	public static final String INTERNAL_SECRET = "test-internal-secret-for-the-services-0123456789";

	private static final ObjectMapper JSON = new ObjectMapper();

	private TestTokens() {
	}

	/**
	 * A random 24-hex-digit id, like a Mongo ObjectId.
	 * @return the id
	 */
	public static String newId() {
		byte[] bytes = new byte[12];
		ThreadLocalRandom.current().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/**
	 * Claims valid for an hour, starting with the given pairs.
	 * @param keysAndValues alternating claim names and values
	 * @return the claims, in order
	 */
	public static Map<String, Object> claims(Object... keysAndValues) {
		Map<String, Object> claims = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			claims.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		long now = Instant.now().getEpochSecond();
		claims.putIfAbsent("iat", now);
		claims.putIfAbsent("exp", now + Duration.ofHours(1).toSeconds());
		return claims;
	}

	/**
	 * An HS256 token with {@link #JWT_SECRET}.
	 * @param claims the payload
	 * @return the token
	 */
	public static String hs256(Map<String, Object> claims) {
		return hmac("HS256", "HmacSHA256", JWT_SECRET, claims);
	}

	/**
	 * A staff token, {@code {id}} only, as ONSITE ATLAS's staff login issues it.
	 * @param userId the user id
	 * @return the token
	 */
	public static String staff(String userId) {
		return hs256(claims("id", userId));
	}

	/**
	 * A staff token, {@code {id}} only, of a user the legacy backend stand-in knows with
	 * the role.
	 * @param userId the user id
	 * @param role the role {@code /api/auth/me} answers
	 * @return the token
	 */
	public static String knownStaff(String userId, String role) {
		TestBackends.legacyUser(userId, role);
		return staff(userId);
	}

	/**
	 * A staff token that carries a role claim, a shape ONSITE ATLAS never issues.
	 * @param userId the user id
	 * @param role the role
	 * @return the token
	 */
	public static String staffWithRoleClaim(String userId, String role) {
		return hs256(claims("id", userId, "role", role));
	}

	/**
	 * An HMAC token with any algorithm name and secret.
	 * @param alg the {@code alg} header
	 * @param jcaAlgorithm the JCA MAC algorithm
	 * @param secret the key
	 * @param claims the payload
	 * @return the token
	 */
	public static String hmac(String alg, String jcaAlgorithm, String secret, Map<String, Object> claims) {
		String signingInput = encode(Map.of("alg", alg, "typ", "JWT")) + "." + encode(claims);
		try {
			Mac mac = Mac.getInstance(jcaAlgorithm);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), jcaAlgorithm));
			byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
			return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An unsecured token: {@code {"alg":"none"}} and an empty signature.
	 * @param claims the payload
	 * @return the token
	 */
	public static String unsigned(Map<String, Object> claims) {
		return encode(Map.of("alg", "none", "typ", "JWT")) + "." + encode(claims) + ".";
	}

	/**
	 * An RS256 token signed with a fresh RSA key.
	 * @param claims the payload
	 * @return the token
	 */
	public static String rs256(Map<String, Object> claims) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), JWTClaimsSet.parse(claims));
			jwt.sign(new RSASSASigner((RSAPrivateKey) generator.generateKeyPair().getPrivate()));
			return jwt.serialize();
		}
		catch (GeneralSecurityException | JOSEException | java.text.ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(Map<String, Object> json) {
		try {
			return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(json));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
