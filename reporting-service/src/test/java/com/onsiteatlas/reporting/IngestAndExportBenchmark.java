package com.onsiteatlas.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

import com.onsiteatlas.domainevents.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Projection ingest rate (domain events per second from Kafka into the read model) and
 * end-to-end export jobs over the embedded MongoDB-wire server. Run with
 * {@code ./mvnw -pl reporting-service test -Dbenchmarks -Dtest=IngestAndExportBenchmark}.
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

}
