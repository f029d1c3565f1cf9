package com.onsiteatlas.notification.template;

import java.util.Locale;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import com.onsiteatlas.readmodel.RegistrationView;

/**
 * The preview's reads of this service's registrations read model (service-support's
 * projection alone writes it). A plain repository over the template: this service only
 * reads that model, with queries Spring Data cannot derive.
 */
@Repository
class SampleRegistrationRepository {

	private final ReactiveMongoTemplate mongo;

	SampleRegistrationRepository(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * A conference's registrations, newest first, matching a search.
	 * @param eventId the conference
	 * @param search text in name, e-mail, id or organisation, and how many
	 * @return the registrations
	 */
	Flux<RegistrationView> newestMatching(String eventId, SampleSearch search) {
		Criteria criteria = Criteria.where("eventId").is(eventId);
		if (search.text() != null && !search.text().isBlank()) {
			criteria.and("searchText").regex(Pattern.quote(search.text().trim().toLowerCase(Locale.ROOT)), "i");
		}
		Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "firstSeenAt")).limit(search.limit());
		return this.mongo.find(query, RegistrationView.class);
	}

}
