package com.onsiteatlas.reporting.export;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.onsiteatlas.support.paging.MongoPaging;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;

/**
 * The MongoDB side of {@link ExportConfigRepositoryCustom}.
 */
class ExportConfigRepositoryImpl implements ExportConfigRepositoryCustom {

	private final ReactiveMongoTemplate mongo;

	ExportConfigRepositoryImpl(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<Paged<ExportConfig>> page(ConfigSearch search, PageQuery page) {
		List<Criteria> all = new ArrayList<>();
		all.add(visibleTo(search.viewer()));
		if (search.eventId() != null) {
			all.add(new Criteria().orOperator(Criteria.where("event").is(search.eventId()),
					Criteria.where("event").is(null)));
		}
		if (search.dataType() != null) {
			all.add(Criteria.where("dataType").is(search.dataType()));
		}
		if (search.exportType() != null) {
			all.add(Criteria.where("exportType").is(search.exportType()));
		}
		return MongoPaging.find(this.mongo, Query.query(new Criteria().andOperator(all)), ExportConfig.class, page);
	}

	@Override
	public Mono<ExportConfig> findVisible(String id, ConfigViewer viewer) {
		return this.mongo.findOne(
				Query.query(new Criteria().andOperator(Criteria.where("_id").is(id), visibleTo(viewer))),
				ExportConfig.class);
	}

	/**
	 * Own and global configs; for a token bound to an event, only configs of that event
	 * or of no event (those export the event they are run for).
	 */
	private static Criteria visibleTo(ConfigViewer viewer) {
		Criteria owned = new Criteria().orOperator(Criteria.where("createdBy").is(viewer.userId()),
				Criteria.where("isGlobal").is(true));
		if (viewer.boundEventId() == null) {
			return owned;
		}
		return new Criteria().andOperator(owned, new Criteria()
			.orOperator(Criteria.where("event").is(viewer.boundEventId()), Criteria.where("event").is(null)));
	}

}
