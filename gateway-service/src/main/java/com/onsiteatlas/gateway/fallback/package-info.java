/**
 * JSON answers for circuit breaker fallbacks when a service is down, slow or its circuit
 * is open.
 */
package com.onsiteatlas.gateway.fallback;
