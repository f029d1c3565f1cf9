package com.onsiteatlas.reporting.export;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.reporting.ReportingIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Projection ingest rate (domain events per second from Kafka into the read model) and
 * end-to-end export jobs over the embedded MongoDB-wire server. Run with
 * {@code ./mvnw -pl reporting-service test -Dbenchmarks -Dtest=IngestAndExportBenchmark}
 * (both), or one method with
 * {@code -Dtest=IngestAndExportBenchmark#measuresExportJobsAtScale} and the row counts in
 * {@code -Dbench.rows=10000,100000}.
 */
@Tag("benchmark")
class IngestAndExportBenchmark extends ReportingIntegrationTest {

	private static final int EVENTS = 20_000;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Test
	void measuresIngestAndExports() throws Exception {
		String eventId = new ObjectId().toHexString();
		Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
		List<byte[]> payloads = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < EVENTS; i++) {
			String id = new ObjectId().toHexString();
			ObjectNode envelope = registration("registration-created", eventId, id, "REG-" + i, "Guest" + i, "Bench",
					"Delegate", t0.plusSeconds(i));
			payloads.add(JSON.writeValueAsBytes(envelope));
			keys.add(id);
		}
		long start = System.nanoTime();
		List<CompletableFuture<?>> sends = new ArrayList<>();
		for (int i = 0; i < EVENTS; i++) {
			sends.add(this.kafka.send(Topics.REGISTRATIONS, keys.get(i), payloads.get(i)));
		}
		CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
		Query rows = Query.query(Criteria.where("eventId").is(eventId));
		await().atMost(Duration.ofMinutes(10))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> this.mongo.count(rows, "report_rows").block() == EVENTS);
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("BENCH ingest events=%d seconds=%.1f eventsPerSecond=%.0f%n", EVENTS, seconds,
				EVENTS / seconds);
		for (String type : List.of("csv", "excel", "pdf")) {
			long jobStart = System.nanoTime();
			Map<?, ?> response = as("admin").post()
				.uri("/api/export/generate")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("exportType", type, "dataType", "registrations", "event", eventId, "sorts",
						List.of(Map.of("field", "registrationId", "direction", "asc"))))
				.exchange()
				.expectStatus()
				.isAccepted()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			String jobId = (String) ((Map<?, ?>) response.get("data")).get("_id");
			await().atMost(Duration.ofMinutes(10))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> "completed".equals(this.mongo.findById(jobId, org.bson.Document.class, "export_history")
					.map((job) -> job.getString("status"))
					.block()));
			double jobSeconds = (System.nanoTime() - jobStart) / 1e9;
			System.out.printf("BENCH export type=%s rows=%d seconds=%.1f rowsPerSecond=%.0f%n", type, EVENTS,
					jobSeconds, EVENTS / jobSeconds);
		}
		assertThat(seconds).isPositive();
	}

	/**
	 * Export jobs at scale: rows are written straight into {@code report_rows} (ingest
	 * through Kafka is measured above and would take hours for 1M events), then one job
	 * per format runs API call to completed file in GridFS. Heap figures are of the whole
	 * test JVM, which also holds the in-memory MongoDB-wire server and its data.
	 */
	@Test
	void measuresExportJobsAtScale() {
		int[] sizes = Arrays.stream(System.getProperty("bench.rows", "10000,100000").split(","))
			.map(String::trim)
			.mapToInt(Integer::parseInt)
			.toArray();
		for (int size : sizes) {
			String eventId = new ObjectId().toHexString();
			long seedStart = System.nanoTime();
			seed(eventId, size);
			double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
			System.gc();
			long baseline = heapUsed();
			System.out.printf("BENCH seed rows=%d seconds=%.1f rowsPerSecond=%.0f liveHeapWithDataMB=%d%n", size,
					seedSeconds, size / seedSeconds, baseline >> 20);
			for (String type : List.of("csv", "excel", "pdf")) {
				exportJob(eventId, type, size, baseline);
			}
			// Frees the in-memory server before the next size.
			this.mongo.remove(Query.query(Criteria.where("eventId").is(eventId)), "report_rows")
				.block(Duration.ofMinutes(10));
			this.mongo.remove(Query.query(Criteria.where("event").is(eventId)), "export_history")
				.block(Duration.ofMinutes(1));
			this.mongo.remove(new Query(), "fs.chunks").block(Duration.ofMinutes(5));
			this.mongo.remove(new Query(), "fs.files").block(Duration.ofMinutes(1));
		}
		assertThat(sizes).isNotEmpty();
	}

	private static final String[] FIRST = { "Priya", "प्रिया", "王", "فاطمة", "=cmd", "John" };

	private void seed(String eventId, int size) {
		Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
		Flux.range(0, size).map((i) -> {
			Date at = Date.from(t0.plusSeconds(i));
			Document values = new Document("registrationId", String.format("REG-%07d", i))
				.append("firstName", FIRST[i % FIRST.length])
				.append("lastName", "Bench" + i)
				.append("attendeeName", FIRST[i % FIRST.length] + " Bench" + i)
				.append("email", "guest" + i + "@example.org")
				.append("organization", "Institute " + (i % 97))
				.append("category", (i % 3 == 0) ? "Faculty" : "Delegate")
				.append("status", "active")
				.append("amountCents", 150_000 + (i % 1000))
				.append("currency", "INR")
				.append("registrationDate", at)
				.append("checkedIn", i % 2 == 0);
			return new Document("_id", "registrations:" + new ObjectId().toHexString())
				.append("rowType", "registrations")
				.append("eventId", eventId)
				.append("values", values)
				.append("firstSeenAt", at)
				.append("lastEventTime", at);
		})
			.buffer(2000)
			.concatMap((batch) -> this.mongo.getCollection("report_rows")
				.flatMapMany((collection) -> collection.insertMany(batch)))
			.blockLast(Duration.ofHours(1));
	}

	private void exportJob(String eventId, String type, int size, long baseline) {
		System.gc();
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.toList();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		long jobStart = System.nanoTime();
		Map<?, ?> response = as("admin").post()
			.uri("/api/export/generate")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("exportType", type, "dataType", "registrations", "event", eventId, "fields",
					List.of("registrationId", "firstName", "lastName", "email", "organization", "category", "status",
							"amountCents", "currency", "registrationDate", "checkedIn"),
					"sorts", List.of(Map.of("field", "registrationId", "direction", "asc"))))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String jobId = (String) ((Map<?, ?>) response.get("data")).get("_id");
		long[] liveMidJob = { -1 };
		await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			Document job = this.mongo.findById(jobId, Document.class, "export_history").block();
			if (liveMidJob[0] < 0 && job.get("recordCount") instanceof Number rows && rows.longValue() >= size / 2) {
				// Once, half way through: what the job really keeps, without garbage.
				System.gc();
				liveMidJob[0] = heapUsed();
			}
			return "completed".equals(job.getString("status"));
		});
		double seconds = (System.nanoTime() - jobStart) / 1e9;
		long peak = heap.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
		Document job = this.mongo.findById(jobId, Document.class, "export_history").block();
		assertThat(((Number) job.get("recordCount")).longValue()).isEqualTo(size);
		System.out.printf(
				"BENCH exportJob type=%s rows=%d seconds=%.1f rowsPerSecond=%.0f fileMB=%.1f peakHeapMB=%d"
						+ " liveHeapBeforeMB=%d liveHeapMidJobMB=%d%n",
				type, size, seconds, size / seconds, ((Number) job.get("fileSize")).longValue() / 1e6, peak >> 20,
				baseline >> 20, (liveMidJob[0] >= 0) ? liveMidJob[0] >> 20 : -1);
	}

	private static long heapUsed() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
