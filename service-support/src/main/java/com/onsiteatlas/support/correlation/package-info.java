/**
 * Correlation ids: taken from the gateway's {@code X-Correlation-Id}, kept in the Reactor
 * context and the log MDC, and carried into domain event envelopes.
 */
package com.onsiteatlas.support.correlation;
