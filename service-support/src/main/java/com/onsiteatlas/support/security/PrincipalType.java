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
	AUTHOR;

	public static PrincipalType fromClaim(String value) {
		if (value == null) {
			return STAFF;
		}
		return switch (value.toLowerCase()) {
			case "registrant" -> REGISTRANT;
			case "sponsor" -> SPONSOR;
			case "client" -> CLIENT;
			case "author" -> AUTHOR;
			default -> STAFF;
		};
	}

}
