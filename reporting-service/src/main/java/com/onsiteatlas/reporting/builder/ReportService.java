package com.onsiteatlas.reporting.builder;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import com.onsiteatlas.reporting.catalog.CatalogField;
import com.onsiteatlas.reporting.catalog.DataSource;
import com.onsiteatlas.reporting.catalog.FieldCatalog;
import com.onsiteatlas.reporting.catalog.FieldType;
import com.onsiteatlas.reporting.format.ChartData;
import com.onsiteatlas.reporting.format.ChartRenderer;
import com.onsiteatlas.reporting.format.Column;
import com.onsiteatlas.reporting.format.ExportOptions;
import com.onsiteatlas.reporting.format.FileFormat;
import com.onsiteatlas.reporting.format.TableSpec;
import com.onsiteatlas.reporting.format.TableWriter;
import com.onsiteatlas.reporting.readmodel.ReportRow;
import com.onsiteatlas.reporting.rows.RowQuery;
import com.onsiteatlas.reporting.rows.RowService;
import com.onsiteatlas.reporting.rows.RowSort;
import com.onsiteatlas.support.web.ApiException;

/**
 * Runs report definitions: plain rows, or groups with metrics computed by a MongoDB
 * aggregation, plus chart data and files with the chart embedded.
 */
@Service
public class ReportService {

	/** Largest preview the builder returns. */
	static final int MAX_PREVIEW = 1000;

	/** Largest number of groups a report returns. */
	static final int MAX_GROUPS = 5000;

	private static final Set<String> METRICS = Set.of("count", "sum", "avg", "min", "max");

	private static final Set<String> CHARTS = Set.of("bar", "line", "pie");

	private final ReactiveMongoTemplate mongo;

	private final FieldCatalog catalog;

	private final RowService rows;

	private final Clock clock;

	ReportService(ReactiveMongoTemplate mongo, FieldCatalog catalog, RowService rows, Clock clock) {
		this.mongo = mongo;
		this.catalog = catalog;
		this.rows = rows;
		this.clock = clock;
	}

	/**
	 * Checks a definition against the catalog; 400 otherwise.
	 * @param definition the report
	 * @return its data source
	 */
	DataSource validate(ReportDefinition definition) {
		DataSource source = this.catalog.source(definition.dataType());
		this.catalog.requireFields(source, definition.fields(), "fields");
		if (definition.groupBy().size() > 2) {
			throw ApiException.badRequest("groupBy takes one or two fields");
		}
		this.catalog.requireQueryable(source, definition.groupBy(), "groupBy");
		for (Metric metric : definition.metrics()) {
			if (metric.type() == null || !METRICS.contains(metric.type())) {
				throw ApiException.badRequest("Metric type must be one of count, sum, avg, min, max");
			}
			if (!"count".equals(metric.type())) {
				CatalogField field = (metric.field() != null && source.storedField(metric.field()) != null)
						? source.field(metric.field()) : null;
				if (field == null || (field.type() != FieldType.NUMBER && field.type() != FieldType.DATE)) {
					throw ApiException.badRequest("Metric " + metric.type() + " needs a number or date field of "
							+ source.name() + "; numeric fields: "
							+ String.join(", ",
									source.fields()
										.stream()
										.filter((f) -> f.type() == FieldType.NUMBER)
										.filter((f) -> source.storedField(f.name()) != null)
										.map(CatalogField::name)
										.toList()));
				}
			}
		}
		if (definition.chartType() != null && !CHARTS.contains(definition.chartType())) {
			throw ApiException.badRequest("chartType must be one of bar, line, pie");
		}
		if (!definition.grouped()) {
			this.rows
				.validate(new RowQuery(source, null, definition.filters(), definition.sorts(), definition.dateRange()));
		}
		else {
			this.rows.validate(new RowQuery(source, null, definition.filters(), List.of(), definition.dateRange()));
		}
		return source;
	}

	/**
	 * Runs a report for an event, as the preview shows it: at most {@link #MAX_PREVIEW}
	 * rows (or the definition's smaller limit) and {@link #MAX_GROUPS} groups; the result
	 * says whether more matched.
	 * @param eventId the conference
	 * @param definition the report
	 * @return rows and chart
	 */
	public Mono<ReportResult> run(String eventId, ReportDefinition definition) {
		return Mono.fromCallable(() -> validate(definition))
			.flatMap((source) -> definition.grouped() ? grouped(eventId, source, definition)
					: plain(eventId, source, definition));
	}

	private Mono<ReportResult> plain(String eventId, DataSource source, ReportDefinition definition) {
		int limit = (definition.limit() > 0) ? Math.min(definition.limit(), MAX_PREVIEW) : MAX_PREVIEW;
		// One row more than shown tells whether the preview is cut.
		return plainRows(eventId, source, definition, limit + 1).collectList().map((list) -> {
			boolean truncated = list.size() > limit;
			return new ReportResult(truncated ? list.subList(0, limit) : list, fields(source, definition), null,
					truncated, limit);
		});
	}

	private static List<String> fields(DataSource source, ReportDefinition definition) {
		return definition.fields().isEmpty() ? source.fieldNames() : definition.fields();
	}

	/**
	 * The rows of an ungrouped report, streamed.
	 * @param limit maximum rows, 0 for all
	 */
	private Flux<Map<String, Object>> plainRows(String eventId, DataSource source, ReportDefinition definition,
			int limit) {
		List<String> fields = fields(source, definition);
		RowQuery query = new RowQuery(source, eventId, definition.filters(), definition.sorts(),
				definition.dateRange());
		return this.rows.stream(query, limit).map((values) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			fields.forEach((field) -> row.put(field, values.get(field)));
			return row;
		});
	}

	private Mono<ReportResult> grouped(String eventId, DataSource source, ReportDefinition definition) {
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
				return new ReportResult(list, columns, chart(definition, metrics, list), truncated, MAX_GROUPS);
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

	private static ChartData chart(ReportDefinition definition, List<Metric> metrics, List<Map<String, Object>> rows) {
		String type = (definition.chartType() != null) ? definition.chartType() : "bar";
		String first = definition.groupBy().get(0);
		Set<String> labelSet = new LinkedHashSet<>();
		rows.forEach((row) -> labelSet.add(label(row.get(first))));
		List<String> labels = new ArrayList<>(labelSet);
		List<ChartData.Series> series = new ArrayList<>();
		if (definition.groupBy().size() == 2) {
			String second = definition.groupBy().get(1);
			String metric = metrics.get(0).key();
			Map<String, Number[]> bySecond = new LinkedHashMap<>();
			for (Map<String, Object> row : rows) {
				Number[] values = bySecond.computeIfAbsent(label(row.get(second)), (k) -> new Number[labels.size()]);
				values[labels.indexOf(label(row.get(first)))] = (Number) row.get(metric);
			}
			bySecond.forEach((name, values) -> series.add(new ChartData.Series(name, List.of(zeros(values)))));
		}
		else {
			for (Metric metric : metrics) {
				Number[] values = new Number[labels.size()];
				for (Map<String, Object> row : rows) {
					Object value = row.get(metric.key());
					values[labels.indexOf(label(row.get(first)))] = (value instanceof Number n) ? n : 0;
				}
				series.add(new ChartData.Series(metric.key(), List.of(zeros(values))));
			}
		}
		String title = (definition.title() != null) ? definition.title() : String.join(" / ", definition.groupBy());
		return new ChartData(type, title, labels, series);
	}

	private static Number[] zeros(Number[] values) {
		for (int i = 0; i < values.length; i++) {
			if (values[i] == null) {
				values[i] = 0;
			}
		}
		return values;
	}

	private static String label(Object value) {
		return (value != null) ? String.valueOf(value) : "(none)";
	}

	/**
	 * A report as a file: every row of an ungrouped report (streamed from the read model
	 * into the file, so memory stays flat whatever the row count; a limit given in the
	 * definition still applies), or the groups of a grouped one with the chart image
	 * after the table (PDF and XLSX).
	 * @param eventId the conference
	 * @param eventName its name for the heading, may be null
	 * @param definition the report
	 * @param format excel, pdf or csv (csv has no chart)
	 * @return the file, in a temporary file the caller deletes
	 */
	public Mono<RenderedFile> file(String eventId, String eventName, ReportDefinition definition, FileFormat format) {
		return Mono.fromCallable(() -> validate(definition)).flatMap((source) -> {
			if (definition.grouped()) {
				return grouped(eventId, source, definition).publishOn(Schedulers.boundedElastic())
					.map((result) -> write(format, tableSpec(source, eventName, definition, result.columns()),
							result.rows().stream(), result.chart()));
			}
			Flux<Map<String, Object>> rows = plainRows(eventId, source, definition, Math.max(definition.limit(), 0));
			return Mono
				.fromCallable(() -> write(format, tableSpec(source, eventName, definition, fields(source, definition)),
						rows.toStream(256), null))
				.subscribeOn(Schedulers.boundedElastic());
		});
	}

	private TableSpec tableSpec(DataSource source, String eventName, ReportDefinition definition, List<String> keys) {
		List<Column> columns = keys.stream().map((key) -> {
			CatalogField field = source.field(key);
			return (field != null) ? new Column(key, field.label(), field.type())
					: new Column(key, key, FieldType.NUMBER);
		}).toList();
		return new TableSpec((definition.title() != null) ? definition.title() : source.name(), eventName,
				definition.filters()
					.stream()
					.map((f) -> f.field() + " " + f.operator() + " " + f.value())
					.reduce((a, b) -> a + "; " + b)
					.orElse(""),
				this.clock.instant(), columns, ExportOptions.defaults());
	}

	/**
	 * Writes rows (and the chart) to a temporary file. Blocking: runs on the
	 * bounded-elastic scheduler; closing the stream cancels the rows' query.
	 */
	private static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// The original failure matters more; the temp directory is cleaned
				// anyway.
			}
		}
	}

	private static RenderedFile write(FileFormat format, TableSpec spec, Stream<Map<String, Object>> rows,
			ChartData chart) {
		Path file = null;
		long count = 0;
		try (rows) {
			file = Files.createTempFile("atlas-report-", "." + format.extension());
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
					TableWriter writer = TableWriter.open(format, spec, out)) {
				Iterator<Map<String, Object>> iterator = rows.iterator();
				while (iterator.hasNext()) {
					writer.row(iterator.next());
					count++;
				}
				if (chart != null && format != FileFormat.CSV) {
					writer.image("Chart", ChartRenderer.png(chart, 900, 500));
				}
				writer.finish();
			}
			return new RenderedFile(file, count, Files.size(file));
		}
		catch (IOException ex) {
			deleteQuietly(file);
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			deleteQuietly(file);
			throw ex;
		}
	}

}
