/**
 * Gives every request a correlation id, passes it downstream and back, and writes one
 * access log line per request.
 */
package com.onsiteatlas.gateway.correlation;
