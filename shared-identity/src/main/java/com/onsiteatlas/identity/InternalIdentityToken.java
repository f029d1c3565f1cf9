package com.onsiteatlas.identity;

import java.util.Set;

/**
 * The contract of the internal identity token the gateway sends to the services instead
 * of the caller's ONSITE ATLAS token, spelled once: the gateway's issuer writes these
 * claims and service-support's security reads them.
 *
 * <p>
 * On every authenticated service route the gateway removes the caller's
 * {@code Authorization} and {@code Cookie} headers (and any {@code X-Atlas-*} header) and
 * sends {@code Authorization: Bearer <token>}, where the token is a JWS compact
 * serialisation:
 * <ul>
 * <li>header {@code {"alg":"HS256","typ":"JWT"}}, signed with
 * {@code ATLAS_INTERNAL_TOKEN_SECRET} (UTF-8 bytes, at least 32 bytes; the gateway
 * refuses to start otherwise);</li>
 * <li>{@value #ISSUER_CLAIM} = {@value #ISSUER}, {@value #AUDIENCE_CLAIM} = the name of
 * the one service the request is routed to (its {@code spring.application.name}, the host
 * of the route's {@code lb://} URI; a single string), so a token captured at one service
 * is refused by the others;</li>
 * <li>{@value #SUBJECT_CLAIM} = the ONSITE ATLAS {@code id} claim (User, Registration,
 * EventSponsor, EventClient or author id);</li>
 * <li>{@value #ISSUED_AT_CLAIM} = now, {@value #EXPIRES_AT_CLAIM} = now + 60 s,
 * {@value #TOKEN_ID_CLAIM} = a random UUID;</li>
 * <li>{@value #TYPE_CLAIM}: one of {@link #TYPES} ({@code staff}, {@code registrant},
 * {@code sponsor}, {@code client}, {@code author}, or {@value #GATEWAY} for the gateway's
 * own token on the API-document routes);</li>
 * <li>{@value #ROLE_CLAIM}: one of {@link #ROLES} ({@code admin}, {@code manager},
 * {@code staff}, {@code reviewer}, {@code user} for staff; otherwise equal to the
 * type);</li>
 * <li>optional {@value #EVENT_ID_CLAIM} (from the token's {@code eventId} or
 * {@code event}), {@value #NAME_CLAIM} and {@value #EMAIL_CLAIM}.</li>
 * </ul>
 * A service verifies it with Spring Security's resource server:
 *
 * <pre class="code">
 * SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
 * NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(key)
 * 	.macAlgorithm(MacAlgorithm.HS256)
 * 	.build();
 * decoder.setJwtValidator(new DelegatingOAuth2TokenValidator&lt;&gt;(
 * 		JwtValidators.createDefaultWithIssuer(InternalIdentityToken.ISSUER),
 * 		new JwtClaimValidator&lt;List&lt;String&gt;&gt;(JwtClaimNames.AUD,
 * 				(aud) -&gt; aud != null &amp;&amp; aud.contains(ownServiceName))));
 * </pre>
 *
 * and maps {@value #ROLE_CLAIM} to its authorities (service-support's
 * {@code ServiceSecurityConfiguration} does). The gateway only lets through the roles of
 * its {@code ServiceAccessPolicy}; finer rules are the service's job. Services must not
 * accept ONSITE ATLAS tokens themselves, and the short lifetime means they must not store
 * or re-send this token.
 */
public final class InternalIdentityToken {

	/** {@code iss} value. */
	public static final String ISSUER = "onsite-atlas-gateway";

	/** Issuer claim. */
	public static final String ISSUER_CLAIM = "iss";

	/** Audience claim. */
	public static final String AUDIENCE_CLAIM = "aud";

	/** Subject claim: the caller's ONSITE ATLAS id. */
	public static final String SUBJECT_CLAIM = "sub";

	/** Issued-at claim. */
	public static final String ISSUED_AT_CLAIM = "iat";

	/** Expiry claim. */
	public static final String EXPIRES_AT_CLAIM = "exp";

	/** Unique token id claim. */
	public static final String TOKEN_ID_CLAIM = "jti";

	/** The caller's portal, one of {@link #TYPES}. */
	public static final String TYPE_CLAIM = "atlas_type";

	/** The caller's role, one of {@link #ROLES}. */
	public static final String ROLE_CLAIM = "role";

	/** The conference the token is bound to, when the ONSITE ATLAS token names one. */
	public static final String EVENT_ID_CLAIM = "event_id";

	/** Display name, when known. */
	public static final String NAME_CLAIM = "name";

	/** Email, when known. */
	public static final String EMAIL_CLAIM = "email";

	/**
	 * {@link #TYPE_CLAIM} and {@link #ROLE_CLAIM} of the gateway's own token, which it
	 * sends only to fetch a service's OpenAPI document for Swagger UI. A service lets
	 * this identity read its API document and nothing else.
	 */
	public static final String GATEWAY = "gateway";

	/** {@link #SUBJECT_CLAIM} of the gateway's own token. */
	public static final String GATEWAY_SUBJECT = "onsite-atlas-gateway";

	/** Values of {@link #TYPE_CLAIM}. */
	public static final Set<String> TYPES = Set.of("staff", "registrant", "sponsor", "client", "author", GATEWAY);

	/** Values of {@link #ROLE_CLAIM}. */
	public static final Set<String> ROLES = Set.of("admin", "manager", "staff", "reviewer", "user", "registrant",
			"sponsor", "client", "author", GATEWAY);

	private InternalIdentityToken() {
	}

}
