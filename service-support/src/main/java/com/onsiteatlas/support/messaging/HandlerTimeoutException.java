package com.onsiteatlas.support.messaging;

import java.time.Duration;

/**
 * A handler did not finish one message within {@code atlas.messaging.handler-timeout}. It
 * is retried a bounded number of times and then dead-lettered
 * ({@code atlas.messaging.handler-timeout-retries}), unlike a dependency that answers
 * "unavailable", which is waited for: a handler that hangs on one message would otherwise
 * hold its partition for ever.
 */
public class HandlerTimeoutException extends RuntimeException {

	HandlerTimeoutException(String handlerName, String envelopeId, Duration timeout) {
		super("Handler " + handlerName + " did not finish envelope " + envelopeId + " within " + timeout);
	}

}
