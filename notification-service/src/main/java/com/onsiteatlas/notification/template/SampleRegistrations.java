package com.onsiteatlas.notification.template;

import reactor.core.publisher.Flux;

import org.springframework.stereotype.Component;

/**
 * Registrations this service knows for an event (its registrations projection), to
 * preview templates with: newest first, matching a search on name, e-mail, id or
 * organisation.
 */
@Component
class SampleRegistrations {

	private final SampleRegistrationRepository registrations;

	SampleRegistrations(SampleRegistrationRepository registrations) {
		this.registrations = registrations;
	}

	Flux<SampleRegistration> find(String eventId, SampleSearch search) {
		return this.registrations.newestMatching(eventId, search).map(SampleRegistration::of);
	}

}
