/**
 * Rejects request bodies above {@code atlas.gateway.max-request-bytes} with 413, by
 * header and while streaming.
 */
package com.onsiteatlas.gateway.requestsize;
