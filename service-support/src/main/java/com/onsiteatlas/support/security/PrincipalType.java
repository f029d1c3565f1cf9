package com.onsiteatlas.support.security;

/**
 * The ONSITE ATLAS portal a token was issued by.
 */
public enum PrincipalType {

	/** Staff users (admin, manager, staff, reviewer, user). */
	STAFF,

	/**
	 * A registrant of the registrant portal; the subject is the Registration {@code _id}.
	 */
	REGISTRANT,

	/** A sponsor portal user. */
	SPONSOR,

	/** An organiser's client portal user. */
	CLIENT,

	/** An abstract author. */
	AUTHOR,

	/**
	 * The gateway itself, fetching the service's OpenAPI document for Swagger UI; it may
	 * read that document and nothing else.
	 */
	GATEWAY;

	public static PrincipalType fromClaim(String value) {
		if (value == null) {
			return STAFF;
		}
		return switch (value.toLowerCase()) {
			case "registrant" -> REGISTRANT;
			case "sponsor" -> SPONSOR;
			case "client" -> CLIENT;
			case "author" -> AUTHOR;
			case "gateway" -> GATEWAY;
			default -> STAFF;
		};
	}

}
