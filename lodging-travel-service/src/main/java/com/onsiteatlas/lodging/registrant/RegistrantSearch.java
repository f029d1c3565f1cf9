package com.onsiteatlas.lodging.registrant;

import java.util.Arrays;
import java.util.List;

import reactor.core.publisher.Flux;

import org.springframework.stereotype.Component;

import com.onsiteatlas.support.web.ObjectIds;

/**
 * Finds an event's registrations by name, e-mail or human id for a picker. Every word
 * typed must appear in the first name, last name, e-mail or human id (so "priya sharma"
 * finds Priya Sharma), ignoring case and accents; a registration {@code _id} finds that
 * registration. Ordered by name: the projection's lower-case search text starts with the
 * first and last name.
 */
@Component
class RegistrantSearch {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 50;

	static final int MAX_SEARCH_LENGTH = 200;

	static final int MAX_WORDS = 8;

	private final RegistrationViewRepository registrations;

	RegistrantSearch(RegistrationViewRepository registrations) {
		this.registrations = registrations;
	}

	/**
	 * Registrations of the event matching the search.
	 * @param eventId the conference
	 * @param search what was typed, may be blank (then the first by name)
	 * @param limit how many at most
	 * @return the registrations, ordered by name
	 */
	Flux<Registrant> find(String eventId, String search, int limit) {
		String text = (search != null) ? search.strip() : "";
		return (ObjectIds.isValid(text) ? this.registrations.findByIdOrText(eventId, text, limit)
				: this.registrations.findByWords(eventId, words(text), limit))
			.map(Registrant::from);
	}

	static List<String> words(String search) {
		return Arrays.stream(search.split("\\s+")).filter((word) -> !word.isEmpty()).toList();
	}

}
