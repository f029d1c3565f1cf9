package com.onsiteatlas.reporting.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Writes rows to a file as they come, so memory does not grow with the row count. Not
 * thread-safe; blocking: use on {@code Schedulers.boundedElastic()}.
 */
public interface TableWriter extends AutoCloseable {

	void row(Map<String, Object> values) throws IOException;

	/**
	 * Adds a chart image (PNG) after the rows; formats without images ignore it.
	 * @param title chart title
	 * @param png the image
	 * @throws IOException on write failure
	 */
	default void image(String title, byte[] png) throws IOException {
	}

	/**
	 * Completes the file (the stream stays open for the caller).
	 * @throws IOException on write failure
	 */
	void finish() throws IOException;

	@Override
	default void close() {
	}

	/**
	 * Opens a writer of a format.
	 * @param format the format
	 * @param spec the table
	 * @param out where the file goes
	 * @return the writer
	 * @throws IOException on failure
	 */
	static TableWriter open(FileFormat format, TableSpec spec, OutputStream out) throws IOException {
		return switch (format) {
			case CSV -> new CsvTableWriter(spec, out);
			case EXCEL -> new XlsxTableWriter(spec, out, XlsxTableWriter.MAX_DATA_ROWS);
			case PDF -> new PdfTableWriter(spec, out);
		};
	}

}
