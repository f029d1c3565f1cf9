package com.onsiteatlas.support.paging;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Runs a query as one page plus a count.
 */
public final class MongoPaging {

	private MongoPaging() {
	}

	public static <T> Mono<Paged<T>> find(ReactiveMongoTemplate template, Query query, Class<T> type, PageQuery page) {
		Query pageQuery = Query.of(query).with(page.sort()).skip(page.offset()).limit(page.limit());
		Mono<Long> count = template.count(Query.of(query).limit(0).skip(0), type);
		return Mono.zip(template.find(pageQuery, type).collectList(), count)
			.map((tuple) -> new Paged<>(tuple.getT1(), tuple.getT2(), page));
	}

}
