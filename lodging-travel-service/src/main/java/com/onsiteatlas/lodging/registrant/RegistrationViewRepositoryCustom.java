package com.onsiteatlas.lodging.registrant;

import java.util.List;

import reactor.core.publisher.Flux;

import com.onsiteatlas.readmodel.RegistrationView;

/**
 * The picker searches over the registrations read model, ordered by name (the read
 * model's lower-case search text starts with the first and last name), ignoring case and
 * accents.
 */
interface RegistrationViewRepositoryCustom {

	/**
	 * The registration with this {@code _id}, or those whose name, e-mail or human id
	 * contains the text.
	 * @param eventId the conference
	 * @param id a registration {@code _id} as typed
	 * @param limit how many at most
	 * @return the registrations
	 */
	Flux<RegistrationView> findByIdOrText(String eventId, String id, int limit);

	/**
	 * The registrations in whose first name, last name, e-mail or human id every word
	 * appears.
	 * @param eventId the conference
	 * @param words the words, none for the first by name
	 * @param limit how many at most
	 * @return the registrations
	 */
	Flux<RegistrationView> findByWords(String eventId, List<String> words, int limit);

}
