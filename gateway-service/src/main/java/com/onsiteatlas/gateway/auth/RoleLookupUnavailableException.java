package com.onsiteatlas.gateway.auth;

import com.onsiteatlas.gateway.errors.ClientFacingException;

import org.springframework.http.HttpStatus;

/**
 * The staff role could not be resolved because the legacy backend failed, timed out or
 * answered something unusable (503). The request is never let through in that case.
 */
class RoleLookupUnavailableException extends ClientFacingException {

	/** The message the caller sees. */
	public static final String MESSAGE = "Cannot verify your role right now";

	private final String reason;

	public RoleLookupUnavailableException(String reason) {
		super(HttpStatus.SERVICE_UNAVAILABLE, MESSAGE);
		this.reason = reason;
	}

	/**
	 * What went wrong, for the log only.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

}
