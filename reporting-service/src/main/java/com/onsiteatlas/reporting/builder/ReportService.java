package com.onsiteatlas.reporting.builder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Service;

import com.onsiteatlas.reporting.catalog.DataSource;
import com.onsiteatlas.reporting.format.FileFormat;
import com.onsiteatlas.reporting.rows.RowQuery;
import com.onsiteatlas.reporting.rows.RowService;

/**
 * Runs report definitions: plain rows, or groups with metrics computed by a MongoDB
 * aggregation ({@link GroupedReports}) with their chart data, as a preview or as a file
 * with the chart embedded ({@link ReportFileWriter}). Definitions are checked first
 * ({@link ReportValidation}).
 */
@Service
public class ReportService {

	/** Largest preview the builder returns. */
	static final int MAX_PREVIEW = 1000;

	private final ReportValidation validation;

	private final GroupedReports groups;

	private final RowService rows;

	private final ReportFileWriter writer;

	ReportService(ReportValidation validation, GroupedReports groups, RowService rows, ReportFileWriter writer) {
		this.validation = validation;
		this.groups = groups;
		this.rows = rows;
		this.writer = writer;
	}

	/**
	 * Runs a report for an event, as the preview shows it: at most {@link #MAX_PREVIEW}
	 * rows (or the definition's smaller limit) and {@link GroupedReports#MAX_GROUPS}
	 * groups; the result says whether more matched.
	 * @param eventId the conference
	 * @param definition the report
	 * @return rows and chart
	 */
	public Mono<ReportResult> run(String eventId, ReportDefinition definition) {
		return Mono.fromCallable(() -> this.validation.validate(definition))
			.flatMap((source) -> definition.grouped() ? this.groups.run(eventId, source, definition)
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
		return Mono.fromCallable(() -> this.validation.validate(definition)).flatMap((source) -> {
			if (definition.grouped()) {
				return this.groups.run(eventId, source, definition)
					.publishOn(Schedulers.boundedElastic())
					.map((result) -> this.writer.write(format, source, eventName, definition, result.columns(),
							result.rows().stream(), result.chart()));
			}
			Flux<Map<String, Object>> rows = plainRows(eventId, source, definition, Math.max(definition.limit(), 0));
			return Mono
				.fromCallable(() -> this.writer.write(format, source, eventName, definition, fields(source, definition),
						rows.toStream(256), null))
				.subscribeOn(Schedulers.boundedElastic());
		});
	}

}
