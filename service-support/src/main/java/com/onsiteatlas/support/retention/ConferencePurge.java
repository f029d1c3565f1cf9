package com.onsiteatlas.support.retention;

import reactor.core.publisher.Mono;

/**
 * A service's removal of one conference's data, run once its retention window ended. It
 * must be idempotent: a pass interrupted half-way runs it again.
 */
@FunctionalInterface
public interface ConferencePurge {

	/**
	 * Removes everything this service stores for the conference.
	 * @param eventId the conference id
	 * @return completes when done
	 */
	Mono<Void> purge(String eventId);

}
