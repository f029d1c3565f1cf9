package com.onsiteatlas.support.security;

import reactor.core.publisher.Mono;

import com.onsiteatlas.support.security.RegistrantRegistrations.RegistrantRegistration;

/**
 * Binds a registrant's token to its own registration's conference. ONSITE ATLAS's
 * registrant-portal tokens are {@code {id, type:'registrant'}}, without an event, so the
 * token alone would reach every conference: the conference is taken from this service's
 * read model of the registration instead. A registration that is not active (cancelled,
 * no-show) or that belongs to another conference than the token names reaches none. One
 * the service has not heard of yet (its registration-created event may still be on its
 * way) keeps the conference the token names, which ONSITE ATLAS signed, and reaches none
 * when the token names none. Other callers pass unchanged.
 */
class RegistrantScope {

	private final RegistrantRegistrations registrations;

	RegistrantScope(RegistrantRegistrations registrations) {
		this.registrations = registrations;
	}

	Mono<AtlasAuthentication> scope(AtlasAuthentication authentication) {
		AtlasPrincipal principal = authentication.getPrincipal();
		if (!principal.isRegistrant()) {
			return Mono.just(authentication);
		}
		String signed = principal.eventId();
		return this.registrations.registrant(principal.userId())
			.map((registration) -> reachable(registration, signed) ? registration.eventId() : AtlasPrincipal.NO_EVENT)
			.defaultIfEmpty((signed != null) ? signed : AtlasPrincipal.NO_EVENT)
			.map((eventId) -> new AtlasAuthentication(principal.boundTo(eventId), authentication.getCredentials()));
	}

	private static boolean reachable(RegistrantRegistration registration, String signedEventId) {
		return registration.active()
				&& (signedEventId == null || signedEventId.equalsIgnoreCase(registration.eventId()));
	}

}
