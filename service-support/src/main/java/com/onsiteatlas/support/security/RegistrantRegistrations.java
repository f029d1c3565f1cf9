package com.onsiteatlas.support.security;

import reactor.core.publisher.Mono;

/**
 * Where a registrant's token may reach: the conference of the registration it names, and
 * whether that registration is still active. Security asks this service's read model of
 * the registrations through this port; the read-model module answers it.
 */
public interface RegistrantRegistrations {

	/**
	 * The registration a registrant token names.
	 * @param registrationObjectId the registration {@code _id}
	 * @return its conference and state; empty when this service has not heard of it
	 */
	Mono<RegistrantRegistration> registrant(String registrationObjectId);

	/**
	 * A registration as security needs it.
	 *
	 * @param eventId the registration's conference
	 * @param active whether the registration is active (not cancelled, not a no-show)
	 */
	record RegistrantRegistration(String eventId, boolean active) {
	}

}
