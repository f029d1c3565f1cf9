package com.onsiteatlas.notification.channel;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import jakarta.mail.AuthenticationFailedException;

import org.springframework.web.reactive.function.client.WebClientResponseException;

import com.onsiteatlas.support.destination.DestinationRefusedException;

/**
 * The class of a failed connection test, from the exception alone: its type and, for an
 * HTTP answer, the status code. Nothing the remote side wrote reaches the result.
 */
final class ConnectionFailures {

	private ConnectionFailures() {
	}

	static ConnectionResult classify(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = next(cause)) {
			ConnectionResult result = direct(cause);
			if (result != null) {
				return result;
			}
		}
		return ConnectionResult.FAILED;
	}

	/**
	 * The HTTP status of a failure, when the remote side answered.
	 * @param ex the failure
	 * @return e.g. " (HTTP 401)", or an empty text
	 */
	static String status(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = next(cause)) {
			if (cause instanceof WebClientResponseException response) {
				return ", HTTP " + response.getStatusCode().value();
			}
			if (cause instanceof com.twilio.exception.ApiException api && api.getStatusCode() != null) {
				return ", HTTP " + api.getStatusCode();
			}
		}
		return "";
	}

	private static ConnectionResult direct(Throwable ex) {
		if (ex instanceof DestinationRefusedException) {
			return ConnectionResult.NOT_ALLOWED;
		}
		if (ex instanceof AuthenticationFailedException || ex instanceof com.twilio.exception.AuthenticationException) {
			return ConnectionResult.AUTH_FAILED;
		}
		if (ex instanceof WebClientResponseException response) {
			int status = response.getStatusCode().value();
			return (status == 401 || status == 403) ? ConnectionResult.AUTH_FAILED : ConnectionResult.REJECTED;
		}
		if (ex instanceof com.twilio.exception.ApiException api && api.getStatusCode() != null) {
			int status = api.getStatusCode();
			return (status == 401 || status == 403) ? ConnectionResult.AUTH_FAILED : ConnectionResult.REJECTED;
		}
		if (ex instanceof UnknownHostException || ex instanceof NoRouteToHostException) {
			return ConnectionResult.UNREACHABLE;
		}
		if (ex instanceof SocketTimeoutException || ex instanceof TimeoutException || ex instanceof ReadTimeoutException
				|| ex instanceof ConnectTimeoutException) {
			return ConnectionResult.TIMEOUT;
		}
		if (ex instanceof SSLException) {
			return ConnectionResult.TLS;
		}
		if (ex instanceof ConnectException) {
			return ConnectionResult.REFUSED;
		}
		return null;
	}

	private static Throwable next(Throwable ex) {
		if (ex instanceof jakarta.mail.MessagingException messaging && messaging.getNextException() != null
				&& messaging.getNextException() != ex) {
			return messaging.getNextException();
		}
		return (ex.getCause() != ex) ? ex.getCause() : null;
	}

}
