package com.onsiteatlas.gateway.requestsize;

import com.onsiteatlas.gateway.errors.ClientFacingException;

import org.springframework.http.HttpStatus;

/**
 * Raised while a request body streams in once it passes the limit; answered as 413.
 */
class PayloadTooLargeException extends ClientFacingException {

	public PayloadTooLargeException(long maxBytes) {
		super(HttpStatus.PAYLOAD_TOO_LARGE, RequestSizeLimitFilter.message(maxBytes));
	}

}
