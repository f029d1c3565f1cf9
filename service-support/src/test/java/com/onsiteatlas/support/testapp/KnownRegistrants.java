package com.onsiteatlas.support.testapp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import com.onsiteatlas.support.security.RegistrantRegistrations;

/**
 * The test service's registrations as security sees them: a map the tests fill, in place
 * of the read-model module's projection (which has its own tests there).
 */
public class KnownRegistrants implements RegistrantRegistrations {

	private final Map<String, RegistrantRegistration> registrations = new ConcurrentHashMap<>();

	public void know(String registrationObjectId, String eventId, boolean active) {
		this.registrations.put(registrationObjectId, new RegistrantRegistration(eventId, active));
	}

	@Override
	public Mono<RegistrantRegistration> registrant(String registrationObjectId) {
		return Mono.justOrEmpty(this.registrations.get(registrationObjectId));
	}

}
