package com.onsiteatlas.notification.template;

import java.util.Locale;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.onsiteatlas.readmodel.RegistrationView;

/**
 * Registrations this service knows for an event (its registrations projection), to
 * preview templates with: newest first, matching a search on name, e-mail, id or
 * organisation.
 */
@Component
class SampleRegistrations {

	private final ReactiveMongoTemplate mongo;

	SampleRegistrations(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	Flux<SampleRegistration> find(String eventId, SampleSearch search) {
		Criteria criteria = Criteria.where("eventId").is(eventId);
		if (search.text() != null && !search.text().isBlank()) {
			criteria.and("searchText").regex(Pattern.quote(search.text().trim().toLowerCase(Locale.ROOT)), "i");
		}
		Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "firstSeenAt")).limit(search.limit());
		return this.mongo.find(query, RegistrationView.class).map(SampleRegistration::of);
	}

}
