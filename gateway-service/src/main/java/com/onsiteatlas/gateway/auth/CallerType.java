package com.onsiteatlas.gateway.auth;

import java.util.Locale;

/**
 * The ONSITE ATLAS portal a token comes from (contract section 1.2).
 */
enum CallerType {

	/**
	 * A {@code User}: admin, manager, staff, reviewer or user. The token holds only
	 * {@code id}.
	 */
	STAFF,

	/** A registration, from {@code type: 'registrant'}. */
	REGISTRANT,

	/** An event sponsor, from {@code type: 'sponsor'}. */
	SPONSOR,

	/** An event client (the organiser's customer), from {@code type: 'client'}. */
	CLIENT,

	/** An abstract author, from {@code role: 'author'}. */
	AUTHOR;

	/**
	 * The value of the internal token's {@code atlas_type} claim.
	 * @return the lower-case name
	 */
	public String claimValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
