package com.onsiteatlas.reporting.export;

import com.onsiteatlas.support.security.AtlasPrincipal;

/**
 * Who looks at export configs.
 *
 * @param userId the caller
 * @param boundEventId the event the caller's token is bound to, null for none
 */
record ConfigViewer(String userId, String boundEventId) {

	static ConfigViewer of(AtlasPrincipal user) {
		return new ConfigViewer(user.userId(), user.eventId());
	}

}
