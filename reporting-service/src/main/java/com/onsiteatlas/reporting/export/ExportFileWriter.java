package com.onsiteatlas.reporting.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.reporting.catalog.CatalogField;
import com.onsiteatlas.reporting.catalog.DataSource;
import com.onsiteatlas.reporting.catalog.FieldCatalog;
import com.onsiteatlas.reporting.format.Column;
import com.onsiteatlas.reporting.format.ExportOptions;
import com.onsiteatlas.reporting.format.FileFormat;
import com.onsiteatlas.reporting.format.TableSpec;
import com.onsiteatlas.reporting.format.TableWriter;
import com.onsiteatlas.reporting.rows.RowQuery;
import com.onsiteatlas.reporting.rows.RowService;

/**
 * Produces an export file from a spec by streaming rows out of the read model into a
 * format writer. Blocking by design (POI and iText are): call it on
 * {@code Schedulers.boundedElastic()}.
 */
@Component
public class ExportFileWriter {

	private final FieldCatalog catalog;

	private final RowService rows;

	private final Clock clock;

	ExportFileWriter(FieldCatalog catalog, RowService rows, Clock clock) {
		this.catalog = catalog;
		this.rows = rows;
		this.clock = clock;
	}

	/**
	 * Counts the rows a spec exports: one count query with the criteria of
	 * {@link #write}.
	 * @param spec what to export
	 * @return the number of rows matching now
	 */
	public Mono<Long> count(ExportSpec spec) {
		return Mono.defer(() -> this.rows.count(query(spec, this.catalog.source(spec.dataType()))));
	}

	private static RowQuery query(ExportSpec spec, DataSource source) {
		return new RowQuery(source, spec.eventId(), spec.filters(), spec.sorts(), spec.dateRange());
	}

	/**
	 * Writes the file of a spec to a temporary file.
	 * @param spec what to export
	 * @param eventName conference name for the PDF heading, may be null
	 * @param progress called with the number of rows written so far after every row; it
	 * may throw to abandon the file
	 * @return the file and its row count
	 * @throws IOException on failure
	 */
	public Written write(ExportSpec spec, String eventName, LongConsumer progress) throws IOException {
		FileFormat format = FileFormat.of(spec.exportType());
		DataSource source = this.catalog.source(spec.dataType());
		RowQuery query = query(spec, source);
		Path file = Files.createTempFile("atlas-export-", "." + format.extension());
		long count = 0;
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
				TableWriter writer = TableWriter.open(format, tableSpec(spec, source, eventName), out)) {
			// toIterable requests small batches: rows arrive as the writer consumes them.
			Iterator<Map<String, Object>> iterator = this.rows.stream(query, 0).toIterable(256).iterator();
			while (iterator.hasNext()) {
				writer.row(iterator.next());
				progress.accept(++count);
			}
			writer.finish();
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
		return new Written(file, count, Files.size(file));
	}

	/**
	 * The table of a spec: columns with their headers, title and filters.
	 */
	TableSpec tableSpec(ExportSpec spec, DataSource source, String eventName) {
		ExportOptions options = (spec.config() != null) ? spec.config() : ExportOptions.defaults();
		List<String> fields = (spec.fields() == null || spec.fields().isEmpty()) ? source.fieldNames() : spec.fields();
		List<Column> columns = fields.stream().map((name) -> {
			CatalogField field = source.field(name);
			String header = (options.customHeaders() != null && options.customHeaders().get(name) != null)
					? options.customHeaders().get(name) : field.label();
			return new Column(name, header, field.type());
		}).toList();
		String title = (spec.name() != null) ? spec.name() : source.name() + " export";
		return new TableSpec(title, eventName, filtersText(spec), this.clock.instant(), columns, options);
	}

	static String filtersText(ExportSpec spec) {
		String filters = (spec.filters() == null) ? ""
				: spec.filters()
					.stream()
					.map((f) -> f.field() + " " + f.operator() + ((f.value() != null) ? " " + f.value() : ""))
					.collect(Collectors.joining("; "));
		if (spec.dateRange() != null && (spec.dateRange().from() != null || spec.dateRange().to() != null)) {
			String range = "date from " + ((spec.dateRange().from() != null) ? spec.dateRange().from() : "start")
					+ " to " + ((spec.dateRange().to() != null) ? spec.dateRange().to() : "now");
			filters = filters.isEmpty() ? range : filters + "; " + range;
		}
		return filters;
	}

	/**
	 * A produced file.
	 *
	 * @param path temporary file (the caller deletes it)
	 * @param recordCount rows written
	 * @param size bytes
	 */
	public record Written(Path path, long recordCount, long size) {
	}

}
