package com.onsiteatlas.reporting.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.reporting.ReportingIntegrationTest;

import static org.awaitility.Awaitility.await;

/**
 * What the schedule tests share: a conference of their own with registrations in the read
 * model, creating and running schedules through the API, and reading back the schedule
 * and the mails it sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScheduleTestSupport extends ReportingIntegrationTest {

	/** The conference of the test class. */
	protected final String eventId = new ObjectId().toHexString();

	@Autowired
	ReactiveMongoTemplate mongo;

	/**
	 * Sends a registration-created domain event of the test class's conference.
	 */
	void register(String humanId, String firstName, String lastName, String category, Instant at) {
		String id = new ObjectId().toHexString();
		send(Topics.REGISTRATIONS, id,
				registration("registration-created", this.eventId, id, humanId, firstName, lastName, category, at));
	}

	/**
	 * Waits until the read model holds a number of rows of the test class's conference.
	 */
	void awaitRows(long count) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.count(Query.query(Criteria.where("eventId").is(this.eventId)), "report_rows")
				.block() == count);
	}

	/**
	 * Creates a schedule through the API (201).
	 * @return the created schedule's JSON
	 */
	Map<?, ?> createSchedule(String role, Map<String, ?> body) {
		Map<?, ?> created = as(role).post()
			.uri("/api/reports/schedules")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (Map<?, ?>) created.get("data");
	}

	/**
	 * Starts a run of a schedule now (202).
	 */
	void runNow(String role, String id) {
		as(role).post().uri("/api/reports/schedules/" + id + "/run-now").exchange().expectStatus().isAccepted();
	}

	ReportSchedule schedule(String id) {
		return this.mongo.findById(id, ReportSchedule.class).block();
	}

	List<MimeMessage> mailsWithSubject(String subject) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter((message) -> {
			try {
				return subject.equals(message.getSubject());
			}
			catch (Exception ex) {
				return false;
			}
		}).toList();
	}

}
