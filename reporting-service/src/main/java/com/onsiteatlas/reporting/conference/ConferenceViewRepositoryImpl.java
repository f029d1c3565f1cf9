package com.onsiteatlas.reporting.conference;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.onsiteatlas.support.paging.MongoPaging;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;
import com.onsiteatlas.readmodel.ConferenceView;

/**
 * The MongoDB side of {@link ConferenceViewRepositoryCustom}.
 */
class ConferenceViewRepositoryImpl implements ConferenceViewRepositoryCustom {

	private final ReactiveMongoTemplate mongo;

	ConferenceViewRepositoryImpl(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<Paged<ConferenceView>> page(ConferenceSearch search, PageQuery page) {
		List<Criteria> all = new ArrayList<>();
		all.add(Criteria.where("deleted").ne(true));
		if (search.boundEventId() != null) {
			all.add(Criteria.where("_id").is(search.boundEventId()));
		}
		if (search.text() != null && !search.text().isBlank()) {
			all.add(Criteria.where("name").regex(Pattern.quote(search.text().trim()), "i"));
		}
		return MongoPaging.find(this.mongo, Query.query(new Criteria().andOperator(all)), ConferenceView.class, page);
	}

}
