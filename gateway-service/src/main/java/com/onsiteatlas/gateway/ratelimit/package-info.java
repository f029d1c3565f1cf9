/**
 * In-memory token bucket rate limit per client IP on {@code /api/**}, enforced separately
 * by each gateway replica.
 */
package com.onsiteatlas.gateway.ratelimit;
