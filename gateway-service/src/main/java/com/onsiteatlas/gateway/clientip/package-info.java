/**
 * Works out the client IP of a request, trusting {@code X-Forwarded-For} only from
 * configured proxies.
 */
package com.onsiteatlas.gateway.clientip;
