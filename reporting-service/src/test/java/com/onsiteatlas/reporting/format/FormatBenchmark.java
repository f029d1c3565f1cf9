package com.onsiteatlas.reporting.format;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.onsiteatlas.reporting.catalog.FieldType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows per second and heap of the streaming writers at 10k, 100k and 1M rows. Run with
 * {@code ./mvnw -pl reporting-service test -Dbenchmarks
 * -Dtest=FormatBenchmark}; numbers go to docs/performance/reporting-service.md.
 */
@Tag("benchmark")
class FormatBenchmark {

	private static final List<Column> COLUMNS = List.of(
			new Column("registrationId", "Registration ID", FieldType.STRING),
			new Column("firstName", "First Name", FieldType.STRING),
			new Column("lastName", "Last Name", FieldType.STRING), new Column("email", "Email", FieldType.STRING),
			new Column("organization", "Organization", FieldType.STRING),
			new Column("category", "Category", FieldType.STRING), new Column("status", "Status", FieldType.STRING),
			new Column("amountCents", "Amount (cents)", FieldType.NUMBER),
			new Column("currency", "Currency", FieldType.STRING),
			new Column("registrationDate", "Registered At", FieldType.DATE),
			new Column("checkedIn", "Checked In", FieldType.BOOLEAN));

	private static final String[] FIRST = { "Priya", "प्रिया", "王", "فاطمة", "=cmd", "John" };

	@Test
	void measuresEveryFormat() throws Exception {
		run(FileFormat.CSV, 10_000);
		run(FileFormat.CSV, 100_000);
		run(FileFormat.CSV, 1_000_000);
		run(FileFormat.EXCEL, 10_000);
		run(FileFormat.EXCEL, 100_000);
		run(FileFormat.EXCEL, 1_000_000);
		run(FileFormat.PDF, 10_000);
		run(FileFormat.PDF, 100_000);
		run(FileFormat.PDF, 1_000_000);
	}

	private static void run(FileFormat format, int rows) throws Exception {
		System.gc();
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.toList();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		Path file = Files.createTempFile("bench", "." + format.extension());
		Map<String, Object> row = new HashMap<>();
		Date date = Date.from(Instant.parse("2026-03-01T10:00:00Z"));
		long liveAt90 = 0;
		long start = System.nanoTime();
		TableSpec spec = new TableSpec("Benchmark", "Congress", "status equals active", Instant.now(), COLUMNS,
				ExportOptions.defaults());
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
				TableWriter writer = TableWriter.open(format, spec, out)) {
			for (int i = 0; i < rows; i++) {
				row.put("registrationId", "REG-" + i);
				row.put("firstName", FIRST[i % FIRST.length]);
				row.put("lastName", "Sharma");
				row.put("email", "guest" + i + "@example.org");
				row.put("organization", "AIIMS New Delhi");
				row.put("category", "Delegate");
				row.put("status", "active");
				row.put("amountCents", 1_250_000L + i);
				row.put("currency", "INR");
				row.put("registrationDate", date);
				row.put("checkedIn", (i % 2) == 0);
				writer.row(row);
				if (i == rows * 9 / 10) {
					System.gc();
					liveAt90 = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
				}
			}
			writer.finish();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long peak = heap.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
		long size = Files.size(file);
		Files.delete(file);
		System.out.printf(
				"BENCH format=%s rows=%d seconds=%.1f rowsPerSecond=%.0f fileMB=%.1f peakHeapMB=%d "
						+ "liveHeapAt90%%MB=%d%n",
				format, rows, seconds, rows / seconds, size / 1e6, peak >> 20, liveAt90 >> 20);
		assertThat(size).isPositive();
	}

}
