package com.onsiteatlas.reporting.delivery;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;

import org.springframework.web.reactive.function.client.WebClientResponseException;

import com.onsiteatlas.support.destination.DestinationRefusedException;
import com.onsiteatlas.support.wirevalue.WireValue;

/**
 * The class of a failed upload, from the exception alone (its type and, for an HTTP
 * answer, the status code): nothing the remote side wrote reaches it.
 */
public enum UploadFailure implements WireValue {

	/**
	 * The provider refused the credentials (401, 403), or its token endpoint the refresh
	 * token or client.
	 */
	AUTH_FAILED("auth-failed"),
	/** The host does not resolve or no route leads to it. */
	UNREACHABLE("unreachable"),
	/** No answer in time. */
	TIMEOUT("timeout"),
	/** The TLS handshake failed. */
	TLS("tls"),
	/** Nothing listens on the port. */
	REFUSED("refused"),
	/** The provider answered with another error status. */
	REJECTED("rejected"),
	/** The destination is internal and not on the operator's allow-list. */
	NOT_ALLOWED("not-allowed"),
	/** Anything else. */
	FAILED("failed");

	private final String value;

	UploadFailure(String value) {
		this.value = value;
	}

	@Override
	public String value() {
		return this.value;
	}

	/**
	 * The class of a failure, looking through its causes.
	 * @param ex the failure
	 * @return its class
	 */
	static UploadFailure of(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			UploadFailure failure = direct(cause);
			if (failure != null) {
				return failure;
			}
		}
		return FAILED;
	}

	/**
	 * The HTTP status the provider answered with, if it answered.
	 * @param ex the failure
	 * @return the status or null
	 */
	static Integer status(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof WebClientResponseException response) {
				return response.getStatusCode().value();
			}
		}
		return null;
	}

	private static UploadFailure direct(Throwable ex) {
		if (ex instanceof DestinationRefusedException) {
			return NOT_ALLOWED;
		}
		if (ex instanceof TokenRefreshFailedException) {
			return AUTH_FAILED;
		}
		if (ex instanceof WebClientResponseException response) {
			int status = response.getStatusCode().value();
			return (status == 401 || status == 403) ? AUTH_FAILED : REJECTED;
		}
		if (ex instanceof UnknownHostException || ex instanceof NoRouteToHostException) {
			return UNREACHABLE;
		}
		if (ex instanceof SocketTimeoutException || ex instanceof TimeoutException || ex instanceof ReadTimeoutException
				|| ex instanceof ConnectTimeoutException) {
			return TIMEOUT;
		}
		if (ex instanceof SSLException) {
			return TLS;
		}
		if (ex instanceof ConnectException) {
			return REFUSED;
		}
		return null;
	}

}
