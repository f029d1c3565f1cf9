package com.onsiteatlas.reporting.delivery;

import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * The token endpoint refused a refresh grant (a 4xx answer: a revoked or unknown refresh
 * token, a wrong client): the provider no longer accepts the stored credentials. Carries
 * the status, never the provider's answer.
 */
class TokenRefreshFailedException extends RuntimeException {

	TokenRefreshFailedException(String provider, WebClientResponseException cause) {
		super("The " + provider + " token endpoint refused the refresh token (HTTP " + cause.getStatusCode().value()
				+ ")", cause);
	}

}
