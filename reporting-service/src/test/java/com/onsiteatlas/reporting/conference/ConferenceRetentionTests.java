package com.onsiteatlas.reporting.conference;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;

import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.reporting.ReportingIntegrationTest;
import com.onsiteatlas.support.retention.DeletedConferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * event-deleted and the retention window in reporting (issue 15 item 5): once the window
 * ended (zero in the tests' context) the purge removes everything reporting stores for
 * the conference, its export jobs with their files, export configs, schedules with their
 * runs, favourites and report rows, and nothing of another conference or of what is
 * usable in any event.
 */
class ConferenceRetentionTests extends ReportingIntegrationTest {

	private static final Map<String, String> BY_CONFERENCE = Map.of("export_history", "event", "export_configs",
			"event", "report_schedules", "eventId", "report_favorites", "eventId", "report_rows", "eventId");

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	ReactiveGridFsTemplate gridFs;

	@Autowired
	DeletedConferences deleted;

	@Test
	void afterTheWindowThePurgeRemovesTheConferencesReportingDataAndNothingElse() {
		String gone = new ObjectId().toHexString();
		String kept = new ObjectId().toHexString();
		String goneSchedule = seed(gone);
		String keptSchedule = seed(kept);
		this.mongo
			.insert(new Document("_id", new ObjectId().toHexString()).append("name", "any event").append("event", null),
					"export_configs")
			.block();
		this.mongo
			.insert(new Document("_id", new ObjectId().toHexString()).append("userId", "u1")
				.append("uniqueKey", new ObjectId().toHexString())
				.append("kind", "template")
				.append("eventId", null), "report_favorites")
			.block();

		ObjectNode deletion = golden("event-deleted");
		deletion.put("eventid", gone).put("subject", gone);
		((ObjectNode) deletion.get("data")).put("eventId", gone);
		send(Topics.EVENTS, gone, deletion);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(this.deleted.isDeleted(gone).block()).isTrue();
			BY_CONFERENCE
				.forEach((collection, field) -> assertThat(count(collection, field, gone)).as(collection).isZero());
			assertThat(runsOf(goneSchedule)).as("schedule runs").isZero();
			assertThat(filesOf(gone)).as("export files").isZero();
		});
		BY_CONFERENCE.forEach((collection, field) -> assertThat(count(collection, field, kept)).as(collection).isOne());
		assertThat(runsOf(keptSchedule)).isOne();
		assertThat(filesOf(kept)).isOne();
		assertThat(count("export_configs", "event", null)).as("configs usable in any event").isPositive();
		assertThat(count("report_favorites", "eventId", null)).as("favourites for any event").isPositive();
	}

	/**
	 * One of each: a job with its stored file, a config, a schedule with a run, a
	 * favourite, a row.
	 */
	private String seed(String eventId) {
		Flux<DataBuffer> content = Flux.just(
				DefaultDataBufferFactory.sharedInstance.wrap(("file of " + eventId).getBytes(StandardCharsets.UTF_8)));
		ObjectId fileId = this.gridFs.store(content, "export.csv", "text/csv", new Document("eventId", eventId))
			.block();
		ObjectId scheduleId = new ObjectId();
		this.mongo
			.insert(new Document("_id", new ObjectId().toHexString()).append("event", eventId)
				.append("status", "completed")
				.append("fileId", fileId.toHexString()), "export_history")
			.block();
		this.mongo
			.insert(new Document("_id", new ObjectId().toHexString()).append("event", eventId).append("name", "config"),
					"export_configs")
			.block();
		this.mongo
			.insert(new Document("_id", scheduleId).append("eventId", eventId)
				.append("name", "weekly")
				.append("isActive", false), "report_schedules")
			.block();
		this.mongo
			.insert(new Document("_id", scheduleId.toHexString() + ":1").append("scheduleId", scheduleId.toHexString())
				.append("status", "delivered"), "report_schedule_runs")
			.block();
		this.mongo
			.insert(new Document("_id", new ObjectId().toHexString()).append("userId", "u1")
				.append("uniqueKey", new ObjectId().toHexString())
				.append("kind", "template")
				.append("eventId", eventId), "report_favorites")
			.block();
		this.mongo
			.insert(new Document("_id", "registration:" + eventId).append("rowType", "registration")
				.append("eventId", eventId)
				.append("values", new Document("firstName", "Priya")), "report_rows")
			.block();
		return scheduleId.toHexString();
	}

	private long count(String collection, String field, String eventId) {
		return this.mongo.count(Query.query(Criteria.where(field).is(eventId)), collection).block();
	}

	private long runsOf(String scheduleId) {
		return this.mongo.count(Query.query(Criteria.where("scheduleId").is(scheduleId)), "report_schedule_runs")
			.block();
	}

	private long filesOf(String eventId) {
		return this.gridFs.find(Query.query(Criteria.where("metadata.eventId").is(eventId))).count().block();
	}

}
