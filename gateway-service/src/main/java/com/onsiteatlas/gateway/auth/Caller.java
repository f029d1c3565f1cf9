package com.onsiteatlas.gateway.auth;

import java.util.Locale;
import java.util.Set;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * The authenticated caller, derived from a verified ONSITE ATLAS token.
 *
 * @param id the {@code id} claim (a Mongo ObjectId of the user, registration, sponsor,
 * client or author)
 * @param type the portal the token comes from
 * @param role the effective role; {@code null} for a staff token until the legacy backend
 * has resolved it
 * @param eventId the {@code eventId} or {@code event} claim, if any
 * @param name the display name, if known
 * @param email the email, if known
 */
record Caller(String id, CallerType type, String role, String eventId, String name, String email) {

	/**
	 * The staff roles of ONSITE ATLAS's {@code User.role} enum (without the legacy
	 * {@code sponsor} value).
	 */
	public static final Set<String> STAFF_ROLES = Set.of("admin", "manager", "staff", "reviewer", "user");

	/**
	 * Classifies a verified token. {@code type} decides registrant, sponsor and client;
	 * {@code role: 'author'} makes an author; anything else is staff, as in ONSITE
	 * ATLAS's {@code protect} middleware. A staff token's {@code role} claim is ignored:
	 * ONSITE ATLAS never issues one, and a staff caller is known only once the legacy
	 * backend has confirmed the user exists, is active and has that role.
	 * @param claims the verified claims, with a non-blank {@code id}
	 * @return the caller
	 */
	public static Caller fromClaims(JWTClaimsSet claims) {
		String id = text(claims, "id");
		String type = lower(text(claims, "type"));
		String role = lower(text(claims, "role"));
		String eventId = (text(claims, "eventId") != null) ? text(claims, "eventId") : text(claims, "event");
		String name = text(claims, "name");
		String email = text(claims, "email");
		if ("registrant".equals(type)) {
			return new Caller(id, CallerType.REGISTRANT, "registrant", eventId, name, email);
		}
		if ("sponsor".equals(type)) {
			return new Caller(id, CallerType.SPONSOR, "sponsor", eventId, name, email);
		}
		if ("client".equals(type)) {
			return new Caller(id, CallerType.CLIENT, "client", eventId, name, email);
		}
		if ("author".equals(role)) {
			return new Caller(id, CallerType.AUTHOR, "author", eventId, name, email);
		}
		return new Caller(id, CallerType.STAFF, null, eventId, name, email);
	}

	/**
	 * Whether the role still has to be fetched from the legacy backend.
	 * @return {@code true} for every staff token not yet resolved
	 */
	public boolean needsRoleLookup() {
		return this.type == CallerType.STAFF && this.role == null;
	}

	/**
	 * This caller with the role, name and email the legacy backend reported.
	 * @param profile the profile
	 * @return the completed caller
	 */
	public Caller withStaffProfile(StaffProfile profile) {
		return new Caller(this.id, this.type, profile.role(), this.eventId,
				(this.name != null) ? this.name : profile.name(), (this.email != null) ? this.email : profile.email());
	}

	private static String text(JWTClaimsSet claims, String name) {
		Object value = claims.getClaim(name);
		return (value instanceof String string && !string.isBlank()) ? string : null;
	}

	private static String lower(String value) {
		return (value != null) ? value.trim().toLowerCase(Locale.ROOT) : null;
	}

}
