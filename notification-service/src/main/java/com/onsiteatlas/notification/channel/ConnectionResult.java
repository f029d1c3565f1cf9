package com.onsiteatlas.notification.channel;

import com.fasterxml.jackson.annotation.JsonValue;

import com.onsiteatlas.support.wirevalue.WireValue;

/**
 * What a connection test found, as a class: the answer of the remote side (its greeting,
 * its error body) is never shown, since the organiser chooses where it connects.
 */
public enum ConnectionResult implements WireValue {

	/** Connected and, where a login is configured, logged in. */
	OK("ok"),
	/** The server refused the login or the token. */
	AUTH_FAILED("auth-failed"),
	/** The host does not resolve or no route leads to it. */
	UNREACHABLE("unreachable"),
	/** The host did not answer in time. */
	TIMEOUT("timeout"),
	/** The TLS handshake failed (certificate, protocol). */
	TLS("tls"),
	/** Nothing listens on the port. */
	REFUSED("refused"),
	/**
	 * The server answered, but refused the request (another status than a login error).
	 */
	REJECTED("rejected"),
	/** The destination is internal and not on the operator's allow-list. */
	NOT_ALLOWED("not-allowed"),
	/** Settings are missing. */
	NOT_CONFIGURED("not-configured"),
	/**
	 * The provider offers no way to check credentials without sending a message.
	 */
	NOT_SUPPORTED("not-supported"),
	/** Anything else. */
	FAILED("failed");

	private final String value;

	ConnectionResult(String value) {
		this.value = value;
	}

	@Override
	@JsonValue
	public String value() {
		return this.value;
	}

}
