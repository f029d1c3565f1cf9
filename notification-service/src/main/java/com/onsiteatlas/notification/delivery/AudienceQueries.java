package com.onsiteatlas.notification.delivery;

import java.util.Collection;

import reactor.core.publisher.Flux;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.onsiteatlas.readmodel.RegistrationView;

/**
 * The registrations of a conference a send reaches, read from this service's
 * registrations read model: by id, or by a {@link RecipientFilter}. The only place
 * notification queries that read model with criteria of its own, so the criteria stay in
 * this feature.
 */
@Component
class AudienceQueries {

	private final ReactiveMongoTemplate mongo;

	AudienceQueries(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	Flux<RegistrationView> byIds(String eventId, Collection<String> registrationIds) {
		return find(eventId, Criteria.where("_id").in(registrationIds));
	}

	Flux<RegistrationView> matching(String eventId, RecipientFilter filter) {
		return find(eventId, filter.toCriteria());
	}

	private Flux<RegistrationView> find(String eventId, Criteria criteria) {
		return this.mongo.find(Query.query(new Criteria().andOperator(Criteria.where("eventId").is(eventId), criteria)),
				RegistrationView.class);
	}

}
