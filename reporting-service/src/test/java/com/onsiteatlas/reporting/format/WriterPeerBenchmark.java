package com.onsiteatlas.reporting.format;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.onsiteatlas.reporting.catalog.FieldType;

/**
 * Our XLSX (or CSV) writer on the rows and columns {@code bench/exceljs/write.js} writes
 * with exceljs, so that {@code bench/peers.sh} can print both figures from one run. A
 * plain main, not a test: {@code WriterPeerBenchmark <rows> [excel|csv] [file]}. Prints
 * one {@code PEER} line with cells per second; the first run of each size warms the JIT
 * and is not timed.
 */
public final class WriterPeerBenchmark {

	static final List<Column> COLUMNS = List.of(new Column("registrationId", "Registration ID", FieldType.STRING),
			new Column("firstName", "First Name", FieldType.STRING),
			new Column("lastName", "Last Name", FieldType.STRING), new Column("email", "Email", FieldType.STRING),
			new Column("organization", "Organization", FieldType.STRING),
			new Column("category", "Category", FieldType.STRING), new Column("status", "Status", FieldType.STRING),
			new Column("amountCents", "Amount (cents)", FieldType.NUMBER),
			new Column("currency", "Currency", FieldType.STRING),
			new Column("registrationDate", "Registered At", FieldType.DATE),
			new Column("checkedIn", "Checked In", FieldType.BOOLEAN));

	private static final String[] FIRST = { "Priya", "प्रिया", "王", "فاطمة", "=cmd", "John" };

	private WriterPeerBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rows = Integer.parseInt(args[0]);
		FileFormat format = (args.length > 1) ? FileFormat.of(args[1]) : FileFormat.EXCEL;
		Path file = (args.length > 2) ? Path.of(args[2]) : Files.createTempFile("peer-", "." + format.extension());
		write(format, Math.min(rows, 100_000), file);
		long start = System.nanoTime();
		write(format, rows, file);
		double seconds = (System.nanoTime() - start) / 1e9;
		long cells = (long) rows * COLUMNS.size();
		System.out.printf("PEER writer=java-%s rows=%d columns=%d seconds=%.2f cellsPerSecond=%.0f fileMB=%.1f%n",
				format.extension(), rows, COLUMNS.size(), seconds, cells / seconds, Files.size(file) / 1e6);
		if (args.length <= 2) {
			Files.delete(file);
		}
	}

	private static void write(FileFormat format, int rows, Path file) throws Exception {
		Map<String, Object> row = new HashMap<>();
		long t0 = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();
		TableSpec spec = new TableSpec("Benchmark", "Congress", "", Instant.parse("2026-03-01T00:00:00Z"), COLUMNS,
				ExportOptions.defaults());
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
				TableWriter writer = TableWriter.open(format, spec, out)) {
			for (int i = 0; i < rows; i++) {
				row.put("registrationId", "REG-" + i);
				row.put("firstName", FIRST[i % FIRST.length]);
				row.put("lastName", "Bench" + i);
				row.put("email", "guest" + i + "@example.org");
				row.put("organization", "Institute " + (i % 97));
				row.put("category", (i % 3 == 0) ? "Faculty" : "Delegate");
				row.put("status", "active");
				row.put("amountCents", 150_000 + (i % 1000));
				row.put("currency", "INR");
				row.put("registrationDate", new Date(t0 + i * 1000L));
				row.put("checkedIn", i % 2 == 0);
				writer.row(row);
			}
			writer.finish();
		}
	}

}
