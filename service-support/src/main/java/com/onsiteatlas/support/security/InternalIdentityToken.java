package com.onsiteatlas.support.security;

/**
 * The contract of the identity token the gateway signs for every request it forwards (see
 * docs/gateway.md): HS256 with {@code ATLAS_INTERNAL_TOKEN_SECRET}, 60 seconds of
 * validity, carried as {@code Authorization: Bearer}. The caller's own ONSITE ATLAS token
 * never reaches a service.
 */
public final class InternalIdentityToken {

	public static final String ISSUER = "onsite-atlas-gateway";

	public static final String AUDIENCE = "onsite-atlas-services";

	public static final String CLAIM_TYPE = "atlas_type";

	public static final String CLAIM_ROLE = "role";

	public static final String CLAIM_EVENT_ID = "event_id";

	public static final String CLAIM_NAME = "name";

	public static final String CLAIM_EMAIL = "email";

	private InternalIdentityToken() {
	}

}
