package com.onsiteatlas.lodging.audit;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.onsiteatlas.support.paging.MongoPaging;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;

/**
 * The MongoDB side of {@link AuditEntryRepositoryCustom}.
 */
class AuditEntryRepositoryImpl implements AuditEntryRepositoryCustom {

	private final ReactiveMongoTemplate mongo;

	AuditEntryRepositoryImpl(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<Paged<AuditEntry>> page(String eventId, String resourceId, PageQuery page) {
		Criteria criteria = Criteria.where("event").is(eventId);
		if (resourceId != null) {
			criteria.and("resourceId").is(resourceId);
		}
		return MongoPaging.find(this.mongo, Query.query(criteria), AuditEntry.class, page);
	}

}
