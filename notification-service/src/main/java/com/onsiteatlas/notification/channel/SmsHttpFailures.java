package com.onsiteatlas.notification.channel;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.netty.handler.timeout.ReadTimeoutException;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import com.onsiteatlas.support.destination.DestinationRefusedException;

/**
 * The retry class of a failed call to an HTTP SMS provider, as for Twilio: a refused
 * login (401, 403) is permanent ({@code EAUTH}), 429 and 5xx are transient, another 4xx
 * is permanent, a timeout or a connection that failed is transient. The remote body is
 * not copied into the failure (the {@code other} webhook's is the organiser's server's
 * text).
 */
final class SmsHttpFailures {

	private SmsHttpFailures() {
	}

	static SendFailure classify(String provider, Throwable ex, Duration timeout) {
		if (ex instanceof SendFailure failure) {
			return failure;
		}
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof DestinationRefusedException refused) {
				return new SendFailure(false, "EDESTINATION", refused.getMessage(), null, ex);
			}
		}
		if (ex instanceof WebClientResponseException response) {
			int status = response.getStatusCode().value();
			if (status == 401 || status == 403) {
				return new SendFailure(false, "EAUTH", provider + " refused the credentials (HTTP " + status + ")",
						null, ex);
			}
			if (status == 429) {
				return new SendFailure(true, "429", provider + " rate limit (HTTP 429)",
						WhatsAppChannel.retryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)), ex);
			}
			if (status >= 500) {
				return new SendFailure(true, String.valueOf(status), provider + " error (HTTP " + status + ")", null,
						ex);
			}
			return new SendFailure(false, String.valueOf(status),
					provider + " refused the message (HTTP " + status + ")", null, ex);
		}
		if (ex instanceof TimeoutException || ex.getCause() instanceof ReadTimeoutException) {
			return new SendFailure(true, "ETIMEDOUT",
					provider + " did not answer within " + timeout + " (atlas.notification.sms.timeout)", null, ex);
		}
		if (ex instanceof WebClientRequestException) {
			return new SendFailure(true, "ECONNECTION",
					"Cannot reach " + provider + " (" + ex.getCause().getClass().getSimpleName() + ")", null, ex);
		}
		return new SendFailure(true, "UNKNOWN", provider + " failure (" + ex.getClass().getSimpleName() + ")", null,
				ex);
	}

	/**
	 * The failure of missing settings: permanent, nothing was sent.
	 * @param provider the configured provider
	 * @param missing what is missing
	 * @return the failure
	 */
	static SendFailure notConfigured(String provider, String missing) {
		return SendFailure.permanent("PROVIDER_NOT_CONFIGURED",
				"SMS provider '" + provider + "' is not configured: " + missing);
	}

}
