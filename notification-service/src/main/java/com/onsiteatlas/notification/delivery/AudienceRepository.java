package com.onsiteatlas.notification.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import com.onsiteatlas.readmodel.RegistrationView;

/**
 * The registrations of a conference a send reaches, read from this service's
 * registrations read model (service-support's projection alone writes it): by id, or by a
 * {@link RecipientFilter}. A plain repository over the template: this service only reads
 * that model, with criteria Spring Data cannot derive; they stay in this feature.
 */
@Repository
class AudienceRepository {

	private final ReactiveMongoTemplate mongo;

	AudienceRepository(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * The registrations of a conference among some ids.
	 * @param eventId the conference
	 * @param registrationIds registration {@code _id}s
	 * @return those that are registrations of the conference
	 */
	Flux<RegistrationView> byIds(String eventId, Collection<String> registrationIds) {
		return find(eventId, Criteria.where("_id").in(registrationIds));
	}

	/**
	 * The registrations of a conference a filter matches, streamed from the store's
	 * cursor (never collected here).
	 * @param eventId the conference
	 * @param filter the filter
	 * @return the registrations
	 */
	Flux<RegistrationView> matching(String eventId, RecipientFilter filter) {
		return find(eventId, criteria(filter));
	}

	/**
	 * How many registrations of a conference a filter matches.
	 * @param eventId the conference
	 * @param filter the filter
	 * @return the count
	 */
	Mono<Long> count(String eventId, RecipientFilter filter) {
		return this.mongo.count(Query.query(scoped(eventId, criteria(filter))), RegistrationView.class);
	}

	private Flux<RegistrationView> find(String eventId, Criteria criteria) {
		return this.mongo.find(Query.query(scoped(eventId, criteria)), RegistrationView.class);
	}

	private static Criteria scoped(String eventId, Criteria criteria) {
		return new Criteria().andOperator(Criteria.where("eventId").is(eventId), criteria);
	}

	private static Criteria criteria(RecipientFilter filter) {
		List<Criteria> all = new ArrayList<>();
		all.add(Criteria.where("status")
			.is((filter.status() != null) ? filter.status().toLowerCase(Locale.ROOT) : "active"));
		if (filter.category() != null) {
			all.add(new Criteria().orOperator(Criteria.where("category._id").is(filter.category()),
					Criteria.where("category.name").is(filter.category())));
		}
		if (filter.paymentStatus() != null) {
			all.add(Criteria.where("paymentStatus").is(filter.paymentStatus()));
		}
		if (filter.registrationType() != null) {
			all.add(Criteria.where("registrationType").is(filter.registrationType()));
		}
		if (filter.checkedIn() != null) {
			all.add(filter.checkedIn() ? Criteria.where("checkIn.isCheckedIn").is(true)
					: new Criteria().orOperator(Criteria.where("checkIn.isCheckedIn").is(false),
							Criteria.where("checkIn").exists(false), Criteria.where("checkIn").is(null)));
		}
		if (filter.workshop() != null) {
			all.add(Criteria.where("workshops.workshopId").is(filter.workshop()));
		}
		if (filter.search() != null && !filter.search().isBlank()) {
			all.add(Criteria.where("searchText").regex(Pattern.quote(filter.search().trim().toLowerCase(Locale.ROOT))));
		}
		return new Criteria().andOperator(all);
	}

}
