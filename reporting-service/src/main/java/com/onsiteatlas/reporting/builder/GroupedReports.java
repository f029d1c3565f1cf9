package com.onsiteatlas.reporting.builder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import com.onsiteatlas.reporting.catalog.DataSource;
import com.onsiteatlas.reporting.readmodel.ReportRow;
import com.onsiteatlas.reporting.rows.RowQuery;
import com.onsiteatlas.reporting.rows.RowService;
import com.onsiteatlas.reporting.rows.RowSort;

/**
 * Runs grouped reports: one MongoDB aggregation groups the matching rows by one or two
 * fields and computes the metrics; the groups come back sorted as asked, at most
 * {@link #MAX_GROUPS}, with their chart.
 */
@Component
class GroupedReports {

	/** Largest number of groups a report returns. */
	static final int MAX_GROUPS = 5000;

	private final ReactiveMongoTemplate mongo;

	private final RowService rows;

	GroupedReports(ReactiveMongoTemplate mongo, RowService rows) {
		this.mongo = mongo;
		this.rows = rows;
	}

	/**
	 * The groups of a validated grouped report.
	 * @param eventId the conference
	 * @param source its data source
	 * @param definition the report
	 * @return groups, columns and chart
	 */
	Mono<ReportResult> run(String eventId, DataSource source, ReportDefinition definition) {
		List<Metric> metrics = definition.metrics().isEmpty() ? List.of(new Metric("count", null))
				: definition.metrics();
		Criteria criteria = this.rows
			.criteria(new RowQuery(source, eventId, definition.filters(), List.of(), definition.dateRange()));
		Document id = new Document();
		for (int i = 0; i < definition.groupBy().size(); i++) {
			id.append("g" + i, "$" + ReportRow.VALUES + source.storedField(definition.groupBy().get(i)));
		}
		Document group = new Document("_id", id);
		for (int i = 0; i < metrics.size(); i++) {
			Metric metric = metrics.get(i);
			group.append("m" + i, "count".equals(metric.type()) ? new Document("$sum", 1)
					: new Document("$" + metric.type(), "$" + ReportRow.VALUES + source.storedField(metric.field())));
		}
		Document sort = new Document();
		for (int i = 0; i < definition.groupBy().size(); i++) {
			sort.append("_id.g" + i, 1);
		}
		List<Document> pipeline = List.of(new Document("$match", criteria.getCriteriaObject()),
				new Document("$group", group), new Document("$sort", sort), new Document("$limit", MAX_GROUPS + 1));
		List<String> columns = new ArrayList<>(definition.groupBy());
		metrics.forEach((metric) -> columns.add(metric.key()));
		return this.mongo.getCollection(ReportRow.COLLECTION)
			.flatMapMany((collection) -> collection.aggregate(pipeline))
			.map((document) -> {
				Map<String, Object> row = new LinkedHashMap<>();
				Document key = document.get("_id", Document.class);
				for (int i = 0; i < definition.groupBy().size(); i++) {
					row.put(definition.groupBy().get(i), (key != null) ? key.get("g" + i) : null);
				}
				for (int i = 0; i < metrics.size(); i++) {
					row.put(metrics.get(i).key(), document.get("m" + i));
				}
				return row;
			})
			.collectList()
			.map((all) -> {
				boolean truncated = all.size() > MAX_GROUPS;
				List<Map<String, Object>> list = sorted(truncated ? all.subList(0, MAX_GROUPS) : all,
						definition.sorts());
				return new ReportResult(list, columns, ReportCharts.chart(definition, metrics, list), truncated,
						MAX_GROUPS);
			});
	}

	private static List<Map<String, Object>> sorted(List<Map<String, Object>> rows, List<RowSort> sorts) {
		if (sorts.isEmpty()) {
			return rows;
		}
		List<Map<String, Object>> copy = new ArrayList<>(rows);
		RowSort sort = sorts.get(0);
		copy.sort((a, b) -> {
			int result = compare(a.get(sort.field()), b.get(sort.field()));
			return sort.descending() ? -result : result;
		});
		return copy;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static int compare(Object a, Object b) {
		if (a == null || b == null) {
			return (a == null) ? ((b == null) ? 0 : -1) : 1;
		}
		if (a instanceof Number x && b instanceof Number y) {
			return Double.compare(x.doubleValue(), y.doubleValue());
		}
		if (a instanceof Comparable x && a.getClass() == b.getClass()) {
			return x.compareTo(b);
		}
		return String.valueOf(a).compareTo(String.valueOf(b));
	}

}
