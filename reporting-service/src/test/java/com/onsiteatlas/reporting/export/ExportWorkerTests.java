package com.onsiteatlas.reporting.export;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.onsiteatlas.reporting.GatedGridFs;
import com.onsiteatlas.reporting.ReportingIntegrationTest;
import com.onsiteatlas.reporting.format.ExportOptions;
import com.onsiteatlas.reporting.readmodel.ReportRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The job worker: restarts, concurrent claims, the lease over a whole job, progress,
 * failures and file expiry.
 */
class ExportWorkerTests extends ReportingIntegrationTest {

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	ExportWorker worker;

	@Autowired
	ExportClaims claims;

	@Autowired
	ExportHeartbeats heartbeats;

	@Autowired
	ExpiredExports expiredExports;

	@Autowired
	ExportProperties properties;

	@Autowired
	GatedGridFs gridFs;

	private ExportHistory job(ExportStatus status, String dataType, String leaseOwner, Instant leaseUntil) {
		return job(new ObjectId().toHexString(), status, dataType, leaseOwner, leaseUntil);
	}

	private ExportHistory job(String eventId, ExportStatus status, String dataType, String leaseOwner,
			Instant leaseUntil) {
		return new ExportHistory(new ObjectId().toHexString(), eventId, null, null, "Job", "csv", dataType,
				List.of("registrationId"), List.of(), List.of(), null, ExportOptions.defaults(),
				"65f0a00000000000000000a1", 0L, null, null, null, null, null, 0, status, null,
				ExportStatus.PENDING.equals(status) ? 0 : 1, leaseOwner, leaseUntil, Instant.now(), null, null, false,
				Instant.now(), List.of());
	}

	private ExportHistory reload(String id) {
		return this.mongo.findById(id, ExportHistory.class).block();
	}

	@Test
	void picksUpAJobLeftProcessingByADeadInstance() {
		ExportHistory orphan = this.mongo
			.insert(job(ExportStatus.PROCESSING, "registrations", "dead-instance", Instant.now().minusSeconds(30)))
			.block();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(reload(orphan.id()).status()).isEqualTo(ExportStatus.COMPLETED));
		assertThat(reload(orphan.id()).attempts()).isEqualTo(2);
	}

	@Test
	void leavesAJobWhoseLeaseIsStillHeldAlone() {
		ExportHistory held = this.mongo
			.insert(job(ExportStatus.PROCESSING, "registrations", "live-instance", Instant.now().plusSeconds(600)))
			.block();
		this.worker.drain().block(Duration.ofSeconds(30));
		assertThat(reload(held.id()).status()).isEqualTo(ExportStatus.PROCESSING);
		this.mongo.remove(Query.query(Criteria.where("_id").is(held.id())), ExportHistory.class).block();
	}

	@Test
	void givesAJobToOnlyOneOfManyConcurrentClaims() {
		ExportHistory pending = job(ExportStatus.PENDING, "registrations", null, null);
		// Park the job in a status no worker claims (failed) so the running worker loop
		// does not race this test: only the claims below may see it once it becomes
		// pending.
		this.mongo
			.insert(new ExportHistory(pending.id(), pending.event(), null, null, "Job", "csv", "registrations",
					pending.fields(), List.of(), List.of(), null, pending.config(), pending.user(), 0L, null, null,
					null, null, null, 0, ExportStatus.FAILED, null, 0, null, null, null, null, null, false,
					Instant.now(), List.of()))
			.block();
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(pending.id())), new Update().set("status", "pending"),
					ExportHistory.class)
			.block();
		List<ExportHistory> claimed = Flux.range(0, 8)
			.flatMap((i) -> this.claims.claim())
			.filter((job) -> job.id().equals(pending.id()))
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(claimed).hasSizeLessThanOrEqualTo(1);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(reload(pending.id()).attempts()).isEqualTo(1));
	}

	@Test
	void recordsTheReasonWhenAJobFails() {
		ExportHistory broken = this.mongo.insert(job(ExportStatus.PENDING, "no-such-type", null, null)).block();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(reload(broken.id()).status()).isEqualTo(ExportStatus.FAILED));
		assertThat(reload(broken.id()).errorMessage()).contains("Unknown data type");
	}

	@Test
	void deletesFilesOnceTheyExpire() {
		ExportHistory done = this.mongo.insert(job(ExportStatus.PENDING, "registrations", null, null)).block();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(reload(done.id()).status()).isEqualTo(ExportStatus.COMPLETED));
		assertThat(reload(done.id()).fileId()).isNotNull();
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(done.id())),
					new Update().set("expiresAt", Instant.now().minusSeconds(1)), ExportHistory.class)
			.block();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(reload(done.id()).expired()).isTrue());
		assertThat(Objects.isNull(reload(done.id()).fileId())).isTrue();
		as("admin").get().uri("/api/export/download/" + done.id()).exchange().expectStatus().isNotFound();
	}

	/** Registration rows of a fresh event, straight into the read model. */
	private String eventWithRegistrations(int count) {
		String eventId = new ObjectId().toHexString();
		Instant at = Instant.parse("2026-05-01T09:00:00Z");
		this.mongo
			.insertAll(IntStream.rangeClosed(1, count)
				.mapToObj((i) -> new ReportRow("registrations:" + eventId + ":" + i, "registrations", eventId,
						Map.of("registrationId", String.format("LSE-%04d", i), "status", "active"), at, at))
				.toList())
			.collectList()
			.block(Duration.ofSeconds(30));
		return eventId;
	}

	@Test
	void keepsTheLeaseWhileStoringOutlastsItAndRunsTheJobOnce() throws Exception {
		String eventId = eventWithRegistrations(30);
		Duration lease = this.properties.lease();
		this.gridFs.hold(eventId);
		try {
			ExportHistory job = this.mongo.insert(job(eventId, ExportStatus.PENDING, "registrations", null, null))
				.block();
			await().atMost(Duration.ofSeconds(60)).until(() -> this.gridFs.waiting(eventId));
			Instant storing = Instant.now();
			Instant claimed = reload(job.id()).startedAt();
			// Held in the GridFS copy: the lease is renewed after the claim's own lease
			// ran out and after every row was written, by the same first attempt.
			Instant renewedAfter = claimed.plus(lease).isAfter(storing) ? claimed.plus(lease) : storing;
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(reload(job.id()).leaseUntil()).isAfter(renewedAfter.plus(lease)));
			ExportHistory held = reload(job.id());
			assertThat(held.status()).isEqualTo(ExportStatus.PROCESSING);
			assertThat(held.attempts()).isEqualTo(1);
			assertThat(held.startedAt()).isEqualTo(claimed);
			// Every row is written and the file is not stored yet: the heartbeat shows
			// all rows of the total but not 100 %.
			assertThat(held.totalRecords()).isEqualTo(30);
			assertThat(held.recordCount()).isEqualTo(30);
			assertThat(held.progress()).isEqualTo(99);
			as("admin").get()
				.uri("/api/export/status/" + job.id())
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.data.status")
				.isEqualTo("processing")
				.jsonPath("$.data.progress")
				.isEqualTo(99)
				.jsonPath("$.data.totalRecords")
				.isEqualTo(30);
			// Another instance looking for work now finds nothing to take over.
			this.worker.drain().block(Duration.ofSeconds(30));
			assertThat(reload(job.id()).attempts()).isEqualTo(1);
			this.gridFs.release(eventId);
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(reload(job.id()).status()).isEqualTo(ExportStatus.COMPLETED));
			ExportHistory done = reload(job.id());
			assertThat(done.attempts()).isEqualTo(1);
			assertThat(done.progress()).isEqualTo(100);
			assertThat(done.recordCount()).isEqualTo(30);
			assertThat(done.leaseUntil()).isNull();
			assertThat(this.gridFs.find(Query.query(Criteria.where("metadata.exportId").is(job.id())))
				.collectList()
				.block(Duration.ofSeconds(10))).hasSize(1);
		}
		finally {
			this.gridFs.release(eventId);
		}
	}

	@Test
	void computesProgressAsRowsWrittenOfTheTotalBelowCompletion() {
		assertThat(ExportHeartbeats.progress(0, 200)).isZero();
		assertThat(ExportHeartbeats.progress(50, 200)).isEqualTo(25);
		assertThat(ExportHeartbeats.progress(199, 200)).isEqualTo(99);
		// 100 only once the file is stored and the job completed.
		assertThat(ExportHeartbeats.progress(200, 200)).isEqualTo(99);
		// Rows added after the count.
		assertThat(ExportHeartbeats.progress(260, 200)).isEqualTo(99);
		assertThat(ExportHeartbeats.progress(3, 0)).isZero();
		assertThat(ExportHeartbeats.progress(1_500_000, 3_000_000)).isEqualTo(50);
		// A third of the 3 s test lease.
		assertThat(this.heartbeats.interval()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void expiresTheFileAfterTheConfiguredRetention() {
		ExportHistory job = this.mongo.insert(job(ExportStatus.PENDING, "registrations", null, null)).block();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(reload(job.id()).status()).isEqualTo(ExportStatus.COMPLETED));
		ExportHistory done = reload(job.id());
		assertThat(this.properties.fileRetention()).isPositive();
		assertThat(done.expiresAt()).isEqualTo(done.completedAt().plus(this.properties.fileRetention()));
		String fileId = done.fileId();
		assertThat(fileId).isNotNull();
		// The purge runs as at a time just before, then just after the expiry. It sees
		// every job, but the others it may expire belong to tests that are done.
		this.expiredExports.purge(done.expiresAt().minusSeconds(1)).block(Duration.ofSeconds(30));
		assertThat(reload(job.id()).expired()).isFalse();
		as("admin").get().uri("/api/export/download/" + job.id()).exchange().expectStatus().isOk();
		this.expiredExports.purge(done.expiresAt().plusSeconds(1)).block(Duration.ofSeconds(30));
		ExportHistory expired = reload(job.id());
		assertThat(expired.expired()).isTrue();
		assertThat(expired.fileId()).isNull();
		assertThat(this.gridFs.find(Query.query(Criteria.where("_id").is(new ObjectId(fileId))))
			.collectList()
			.block(Duration.ofSeconds(10))).isEmpty();
		as("admin").get().uri("/api/export/download/" + job.id()).exchange().expectStatus().isNotFound();
	}

}
