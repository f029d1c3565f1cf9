package com.onsiteatlas.reporting.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.onsiteatlas.reporting.catalog.FieldType;

/**
 * RFC 4180 CSV in UTF-8 (CRLF line ends, fields with comma, quote or line break quoted,
 * quotes doubled), optionally with a byte-order mark; text cells are neutralised against
 * formula injection, numbers and dates are written as values.
 */
final class CsvTableWriter implements TableWriter {

	private final Writer out;

	private final List<Column> columns;

	private final CellText cells;

	CsvTableWriter(TableSpec spec, OutputStream stream) throws IOException {
		this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
		this.columns = spec.columns();
		this.cells = new CellText(spec.options());
		if (spec.options().withBom()) {
			this.out.write('\uFEFF');
		}
		if (spec.options().headers()) {
			line(this.columns.stream().map((column) -> CellText.safe(column.header())).toList());
		}
	}

	@Override
	public void row(Map<String, Object> values) throws IOException {
		for (int i = 0; i < this.columns.size(); i++) {
			if (i > 0) {
				this.out.write(',');
			}
			Column column = this.columns.get(i);
			String text = this.cells.text(values.get(column.field()));
			boolean plain = column.type() == FieldType.NUMBER || column.type() == FieldType.DATE;
			field(plain ? text : CellText.safe(text));
		}
		this.out.write("\r\n");
	}

	private void line(List<String> fields) throws IOException {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				this.out.write(',');
			}
			field(fields.get(i));
		}
		this.out.write("\r\n");
	}

	private void field(String text) throws IOException {
		boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
				|| text.indexOf('\r') >= 0;
		if (quote) {
			this.out.write('"');
			this.out.write(text.replace("\"", "\"\""));
			this.out.write('"');
		}
		else {
			this.out.write(text);
		}
	}

	@Override
	public void finish() throws IOException {
		this.out.flush();
	}

}
