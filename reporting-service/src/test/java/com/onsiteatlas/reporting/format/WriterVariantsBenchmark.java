package com.onsiteatlas.reporting.format;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The XLSX writer variants of issue 14 side by side in one JVM, on the rows and columns
 * of {@link WriterPeerBenchmark}: POI SXSSF as shipped (temporary files compressed),
 * SXSSF with temporary-file compression off (shared strings are already off and the three
 * styles are already made once per workbook, so those two are not variants), and dhatim
 * fastexcel (a test dependency only) with the same features (typed cells, date format,
 * bold grey frozen header, auto-filter, widths, formula neutralising). A plain main, not
 * a test: {@code WriterVariantsBenchmark [rows=1000000] [rounds=2]}; each round runs
 * every variant once, the first round warms the JIT. Prints one {@code VARIANT} line per
 * run.
 */
public final class WriterVariantsBenchmark {

	private static final String[] FIRST = { "Priya", "प्रिया", "王", "فاطمة", "=cmd", "John" };

	private static final long T0 = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();

	private WriterVariantsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rows = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 2;
		for (int round = 1; round <= rounds; round++) {
			int size = (round == 1 && rounds > 1) ? Math.min(rows, 100_000) : rows;
			run("poi-sxssf-compressed", round, size, (out, n) -> poi(out, n, true));
			run("poi-sxssf-uncompressed", round, size, (out, n) -> poi(out, n, false));
			run("fastexcel", round, size, WriterVariantsBenchmark::fastexcel);
		}
	}

	private static void run(String name, int round, int rows, Variant variant) throws Exception {
		Path file = Files.createTempFile("variant-", ".xlsx");
		long start = System.nanoTime();
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
			variant.write(out, rows);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long cells = (long) rows * WriterPeerBenchmark.COLUMNS.size();
		System.out.printf("VARIANT round=%d writer=%s rows=%d seconds=%.2f cellsPerSecond=%.0f fileMB=%.1f%n", round,
				name, rows, seconds, cells / seconds, Files.size(file) / 1e6);
		Files.delete(file);
	}

	private static void poi(OutputStream out, int rows, boolean compress) throws Exception {
		TableSpec spec = new TableSpec("Benchmark", "Congress", "", Instant.parse("2026-03-01T00:00:00Z"),
				WriterPeerBenchmark.COLUMNS, ExportOptions.defaults());
		Map<String, Object> row = new HashMap<>();
		try (XlsxTableWriter writer = new XlsxTableWriter(spec, out, XlsxTableWriter.MAX_DATA_ROWS, compress)) {
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
				row.put("registrationDate", new Date(T0 + i * 1000L));
				row.put("checkedIn", i % 2 == 0);
				writer.row(row);
			}
			writer.finish();
		}
	}

	private static void fastexcel(OutputStream out, int rows) throws Exception {
		List<Column> columns = WriterPeerBenchmark.COLUMNS;
		Workbook workbook = new Workbook(out, "OnsiteAtlas", "1.0");
		Worksheet sheet = workbook.newWorksheet("Export");
		int[] widths = new int[columns.size()];
		for (int c = 0; c < columns.size(); c++) {
			sheet.value(0, c, CellText.safe(columns.get(c).header()));
			sheet.style(0, c).bold().fillColor("C0C0C0").set();
			widths[c] = Math.max(8, columns.get(c).header().length() + 2);
		}
		sheet.freezePane(0, 1);
		// fastexcel writes <cols> before the first row, so widths come from the headers
		// here.
		for (int c = 0; c < columns.size(); c++) {
			sheet.width(c, Math.min(60, widths[c]));
		}
		for (int i = 0; i < rows; i++) {
			int r = i + 1;
			sheet.value(r, 0, CellText.safe("REG-" + i));
			sheet.value(r, 1, CellText.safe(FIRST[i % FIRST.length]));
			sheet.value(r, 2, CellText.safe("Bench" + i));
			sheet.value(r, 3, CellText.safe("guest" + i + "@example.org"));
			sheet.value(r, 4, CellText.safe("Institute " + (i % 97)));
			sheet.value(r, 5, (i % 3 == 0) ? "Faculty" : "Delegate");
			sheet.value(r, 6, "active");
			sheet.value(r, 7, 150_000 + (i % 1000));
			sheet.value(r, 8, "INR");
			sheet.value(r, 9, LocalDateTime.ofInstant(Instant.ofEpochMilli(T0 + i * 1000L), ZoneOffset.UTC));
			sheet.style(r, 9).format("yyyy-mm-dd hh:mm:ss").set();
			sheet.value(r, 10, i % 2 == 0);
			if (r % 1000 == 0) {
				sheet.flush();
			}
		}
		sheet.setAutoFilter(0, 0, rows, columns.size() - 1);
		sheet.finish();
		workbook.finish();
	}

	@FunctionalInterface
	private interface Variant {

		void write(OutputStream out, int rows) throws Exception;

	}

}
