package com.onsiteatlas.reporting.rows;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.onsiteatlas.reporting.catalog.DataSource;
import com.onsiteatlas.reporting.readmodel.ReportRow;

/**
 * The MongoDB side of {@link RowRepositoryCustom}. Rows are read as documents of the
 * collection (no entity mapping), as the writers of the read model store them.
 */
class RowRepositoryImpl implements RowRepositoryCustom {

	private final ReactiveMongoTemplate mongo;

	RowRepositoryImpl(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Flux<Document> stream(RowQuery query, int limit) {
		Query mongoQuery = Query.query(RowRepositoryCriteria.of(query)).with(sort(query)).cursorBatchSize(1000);
		mongoQuery.fields().include("values");
		if (query.source().joined()) {
			mongoQuery.fields().include("eventId");
		}
		if (limit > 0) {
			mongoQuery.limit(limit);
		}
		return this.mongo.find(mongoQuery, Document.class, ReportRow.COLLECTION);
	}

	@Override
	public Mono<Long> count(RowQuery query) {
		return this.mongo.count(Query.query(RowRepositoryCriteria.of(query)), ReportRow.COLLECTION);
	}

	@Override
	public Flux<Document> findAbout(Collection<String> rowTypes, Collection<String> eventIds,
			Collection<String> registrationIds) {
		Query related = Query
			.query(Criteria.where("rowType")
				.in(rowTypes)
				.and("eventId")
				.in(eventIds)
				.and(ReportRow.VALUES + "registrationId")
				.in(registrationIds))
			.with(Sort.by("lastEventTime", "_id"));
		related.fields().include("rowType").include("eventId").include("values");
		return this.mongo.find(related, Document.class, ReportRow.COLLECTION);
	}

	@Override
	public Flux<RowGroup> group(RowQuery query, RowGrouping grouping) {
		DataSource source = query.source();
		Criteria criteria = RowRepositoryCriteria.of(query);
		Document id = new Document();
		for (int i = 0; i < grouping.fields().size(); i++) {
			id.append("g" + i, "$" + ReportRow.VALUES + source.storedField(grouping.fields().get(i)));
		}
		Document group = new Document("_id", id);
		for (int i = 0; i < grouping.metrics().size(); i++) {
			RowGrouping.Metric metric = grouping.metrics().get(i);
			group.append("m" + i, "count".equals(metric.type()) ? new Document("$sum", 1)
					: new Document("$" + metric.type(), "$" + ReportRow.VALUES + source.storedField(metric.field())));
		}
		Document sort = new Document();
		for (int i = 0; i < grouping.fields().size(); i++) {
			sort.append("_id.g" + i, 1);
		}
		List<Document> pipeline = List.of(new Document("$match", criteria.getCriteriaObject()),
				new Document("$group", group), new Document("$sort", sort), new Document("$limit", grouping.limit()));
		return this.mongo.getCollection(ReportRow.COLLECTION)
			.flatMapMany((collection) -> collection.aggregate(pipeline))
			.map((document) -> {
				Document key = document.get("_id", Document.class);
				List<Object> keys = new ArrayList<>();
				for (int i = 0; i < grouping.fields().size(); i++) {
					keys.add((key != null) ? key.get("g" + i) : null);
				}
				List<Object> metrics = new ArrayList<>();
				for (int i = 0; i < grouping.metrics().size(); i++) {
					metrics.add(document.get("m" + i));
				}
				return new RowGroup(keys, metrics);
			});
	}

	private static Sort sort(RowQuery query) {
		Sort sort = Sort.unsorted();
		for (RowSort rowSort : query.sorts()) {
			sort = sort.and(Sort.by(rowSort.descending() ? Sort.Direction.DESC : Sort.Direction.ASC,
					ReportRow.VALUES + query.source().storedField(rowSort.field())));
		}
		// _id last keeps the order stable across pages and restarts.
		return sort.and(Sort.by("_id"));
	}

}
