package com.onsiteatlas.reporting.export;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.onsiteatlas.reporting.ReportingIntegrationTest;
import com.onsiteatlas.reporting.format.ExportOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The job worker: restarts, concurrent claims, failures and file expiry.
 */
class ExportWorkerTests extends ReportingIntegrationTest {

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	ExportWorker worker;

	private ExportHistory job(String status, String dataType, String leaseOwner, Instant leaseUntil) {
		return new ExportHistory(new ObjectId().toHexString(), new ObjectId().toHexString(), null, null, "Job", "csv",
				dataType, List.of("registrationId"), List.of(), List.of(), null, ExportOptions.defaults(),
				"65f0a00000000000000000a1", 0L, null, null, null, null, 0, status, null, 1, leaseOwner, leaseUntil,
				Instant.now(), null, null, false, Instant.now(), List.of());
	}

	private ExportHistory reload(String id) {
		return this.mongo.findById(id, ExportHistory.class).block();
	}

	@Test
	void picksUpAJobLeftProcessingByADeadInstance() {
		ExportHistory orphan = this.mongo
			.insert(job(ExportHistory.PROCESSING, "registrations", "dead-instance", Instant.now().minusSeconds(30)))
			.block();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(reload(orphan.id()).status()).isEqualTo(ExportHistory.COMPLETED));
		assertThat(reload(orphan.id()).attempts()).isEqualTo(2);
	}

	@Test
	void leavesAJobWhoseLeaseIsStillHeldAlone() {
		ExportHistory held = this.mongo
			.insert(job(ExportHistory.PROCESSING, "registrations", "live-instance", Instant.now().plusSeconds(600)))
			.block();
		this.worker.drain().block(Duration.ofSeconds(30));
		assertThat(reload(held.id()).status()).isEqualTo(ExportHistory.PROCESSING);
		this.mongo.remove(Query.query(Criteria.where("_id").is(held.id())), ExportHistory.class).block();
	}

	@Test
	void givesAJobToOnlyOneOfManyConcurrentClaims() {
		ExportHistory pending = job(ExportHistory.PENDING, "registrations", null, null);
		// Park the job in the future so the running worker loop does not race this test:
		// only the claims below may see it once it becomes pending.
		this.mongo
			.insert(new ExportHistory(pending.id(), pending.event(), null, null, "Job", "csv", "registrations",
					pending.fields(), List.of(), List.of(), null, pending.config(), pending.user(), 0L, null, null,
					null, null, 0, "parked", null, 0, null, null, null, null, null, false, Instant.now(), List.of()))
			.block();
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(pending.id())), new Update().set("status", "pending"),
					ExportHistory.class)
			.block();
		List<ExportHistory> claimed = Flux.range(0, 8)
			.flatMap((i) -> this.worker.claim())
			.filter((job) -> job.id().equals(pending.id()))
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(claimed).hasSizeLessThanOrEqualTo(1);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(reload(pending.id()).attempts()).isEqualTo(1));
	}

	@Test
	void recordsTheReasonWhenAJobFails() {
		ExportHistory broken = this.mongo.insert(job(ExportHistory.PENDING, "no-such-type", null, null)).block();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(reload(broken.id()).status()).isEqualTo(ExportHistory.FAILED));
		assertThat(reload(broken.id()).errorMessage()).contains("Unknown data type");
	}

	@Test
	void deletesFilesOnceTheyExpire() {
		ExportHistory done = this.mongo.insert(job(ExportHistory.PENDING, "registrations", null, null)).block();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(reload(done.id()).status()).isEqualTo(ExportHistory.COMPLETED));
		assertThat(reload(done.id()).fileId()).isNotNull();
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(done.id())),
					new Update().set("expiresAt", Instant.now().minusSeconds(1)), ExportHistory.class)
			.block();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(reload(done.id()).expired()).isTrue());
		assertThat(Objects.isNull(reload(done.id()).fileId())).isTrue();
		as("admin").get().uri("/api/export/download/" + done.id()).exchange().expectStatus().isNotFound();
	}

}
