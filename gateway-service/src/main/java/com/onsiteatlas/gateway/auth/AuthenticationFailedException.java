package com.onsiteatlas.gateway.auth;

import com.onsiteatlas.gateway.errors.ClientFacingException;

import org.springframework.http.HttpStatus;

/**
 * The caller is not authenticated (401; the ONSITE ATLAS frontend logs the user out on
 * it).
 */
class AuthenticationFailedException extends ClientFacingException {

	/** No bearer token was sent. */
	public static final String NO_TOKEN = "Not authorized, no token";

	/** The token's {@code exp} has passed. */
	public static final String TOKEN_EXPIRED = "Not authorized, token expired";

	/** Anything else wrong with the token. */
	public static final String TOKEN_INVALID = "Not authorized, token invalid";

	/** The legacy backend reports the staff user as inactive. */
	public static final String ACCOUNT_INACTIVE = "Not authorized, account is inactive";

	public AuthenticationFailedException(String message) {
		super(HttpStatus.UNAUTHORIZED, message);
	}

}
