package com.onsiteatlas.reporting.builder;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import com.onsiteatlas.reporting.catalog.CatalogField;
import com.onsiteatlas.reporting.catalog.DataSource;
import com.onsiteatlas.reporting.catalog.FieldType;
import com.onsiteatlas.reporting.format.ChartData;
import com.onsiteatlas.reporting.format.ChartRenderer;
import com.onsiteatlas.reporting.format.Column;
import com.onsiteatlas.reporting.format.ExportOptions;
import com.onsiteatlas.reporting.format.FileFormat;
import com.onsiteatlas.reporting.format.TableSpec;
import com.onsiteatlas.reporting.format.TableWriter;

/**
 * Writes a report's rows (and its chart) to a temporary file: the table heading from the
 * definition and the catalog, then the rows as they stream, then the chart image (PDF and
 * XLSX). Blocking: callers run it on the bounded-elastic scheduler.
 */
@Component
class ReportFileWriter {

	private final Clock clock;

	ReportFileWriter(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Writes a report to a temporary file; closing the stream cancels the rows' query.
	 * @param format the file format
	 * @param source the data source
	 * @param eventName the conference name for the heading, may be null
	 * @param definition the report
	 * @param keys the columns
	 * @param rows the rows, closed when written
	 * @param chart the chart, may be null
	 * @return the file, which the caller deletes
	 */
	RenderedFile write(FileFormat format, DataSource source, String eventName, ReportDefinition definition,
			List<String> keys, Stream<Map<String, Object>> rows, ChartData chart) {
		return write(format, tableSpec(source, eventName, definition, keys), rows, chart);
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

}
