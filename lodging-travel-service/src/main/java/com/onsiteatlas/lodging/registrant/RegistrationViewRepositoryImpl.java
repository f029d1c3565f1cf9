package com.onsiteatlas.lodging.registrant;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Flux;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.onsiteatlas.readmodel.RegistrationView;

/**
 * The MongoDB side of {@link RegistrationViewRepositoryCustom}.
 */
class RegistrationViewRepositoryImpl implements RegistrationViewRepositoryCustom {

	private static final List<String> FIELDS = List.of("personalInfo.firstName", "personalInfo.lastName",
			"personalInfo.email", "registrationId");

	private final ReactiveMongoTemplate mongo;

	RegistrationViewRepositoryImpl(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Flux<RegistrationView> findByIdOrText(String eventId, String id, int limit) {
		return find(List.of(Criteria.where("eventId").is(eventId),
				new Criteria().orOperator(Criteria.where("_id").is(id.toLowerCase()), matching(id))), limit);
	}

	@Override
	public Flux<RegistrationView> findByWords(String eventId, List<String> words, int limit) {
		List<Criteria> all = new ArrayList<>();
		all.add(Criteria.where("eventId").is(eventId));
		words.forEach((word) -> all.add(matching(word)));
		return find(all, limit);
	}

	private Flux<RegistrationView> find(List<Criteria> all, int limit) {
		Query query = Query.query(new Criteria().andOperator(all))
			.with(Sort.by(Sort.Order.asc("searchText"), Sort.Order.asc("registrationId")))
			.limit(limit);
		return this.mongo.find(query, RegistrationView.class);
	}

	private static Criteria matching(String word) {
		String pattern = FoldedPattern.of(word);
		return new Criteria()
			.orOperator(FIELDS.stream().map((field) -> Criteria.where(field).regex(pattern)).toArray(Criteria[]::new));
	}

}
