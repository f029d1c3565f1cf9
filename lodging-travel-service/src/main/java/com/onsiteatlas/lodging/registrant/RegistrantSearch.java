package com.onsiteatlas.lodging.registrant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import reactor.core.publisher.Flux;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.onsiteatlas.support.projection.RegistrationView;
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

	private static final List<String> FIELDS = List.of("personalInfo.firstName", "personalInfo.lastName",
			"personalInfo.email", "registrationId");

	private final ReactiveMongoTemplate mongo;

	RegistrantSearch(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Registrations of the event matching the search.
	 * @param eventId the conference
	 * @param search what was typed, may be blank (then the first by name)
	 * @param limit how many at most
	 * @return the registrations, ordered by name
	 */
	Flux<Registrant> find(String eventId, String search, int limit) {
		List<Criteria> all = new ArrayList<>();
		all.add(Criteria.where("eventId").is(eventId));
		String text = (search != null) ? search.strip() : "";
		if (ObjectIds.isValid(text)) {
			all.add(new Criteria().orOperator(Criteria.where("_id").is(text.toLowerCase()), matching(text)));
		}
		else {
			words(text).forEach((word) -> all.add(matching(word)));
		}
		Query query = Query.query(new Criteria().andOperator(all))
			.with(Sort.by(Sort.Order.asc("searchText"), Sort.Order.asc("registrationId")))
			.limit(limit);
		return this.mongo.find(query, RegistrationView.class).map(Registrant::from);
	}

	static List<String> words(String search) {
		return Arrays.stream(search.split("\\s+")).filter((word) -> !word.isEmpty()).toList();
	}

	private static Criteria matching(String word) {
		String pattern = FoldedPattern.of(word);
		return new Criteria()
			.orOperator(FIELDS.stream().map((field) -> Criteria.where(field).regex(pattern)).toArray(Criteria[]::new));
	}

}
