package com.onsiteatlas.reporting.export;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.mongo.DataMongoTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.onsiteatlas.support.messaging.OutboxMessage;
import com.onsiteatlas.support.testing.EmbeddedMongo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claims and guarded writes of {@link ExportHistoryRepository} on a MongoDB slice (no
 * web server, Kafka or workers): a job is claimed by one instance at a time, and only the
 * lease holder renews, completes (with its outbox entry) or fails it.
 */
@DataMongoTest(properties = "spring.data.mongodb.database=atlas_reporting_repository_test")
class ExportHistoryRepositoryTests {

	private static final Instant NOW = Instant.parse("2027-01-10T08:00:00Z");

	@Autowired
	ExportHistoryRepository jobs;

	@Autowired
	ReactiveMongoTemplate mongo;

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		registry.add("spring.data.mongodb.uri", EmbeddedMongo::uri);
	}

	@BeforeEach
	void noJobs() {
		this.jobs.deleteAll().block();
	}

	@Test
	void claimsTheOldestPendingJobOnceAndLetsOnlyItsHolderCompleteIt() {
		ExportHistory older = this.jobs.insert(pending(NOW.minusSeconds(60))).block();
		ExportHistory newer = this.jobs.insert(pending(NOW)).block();

		ExportHistory first = this.jobs.claimOldest("a", NOW, NOW.plusSeconds(30)).block();
		ExportHistory second = this.jobs.claimOldest("b", NOW, NOW.plusSeconds(30)).block();
		ExportHistory none = this.jobs.claimOldest("c", NOW, NOW.plusSeconds(30)).block();

		assertThat(first.id()).isEqualTo(older.id());
		assertThat(first.status()).isEqualTo(ExportStatus.PROCESSING);
		assertThat(first.leaseOwner()).isEqualTo("a");
		assertThat(first.attempts()).isEqualTo(1);
		assertThat(second.id()).isEqualTo(newer.id());
		assertThat(none).isNull();

		ExportCompletion completion = new ExportCompletion(12, 2048, new ObjectId().toHexString(), "rows.csv",
				"/api/export/download/" + older.id(), NOW.plusSeconds(5), NOW.plusSeconds(3600));
		assertThat(this.jobs.completeIfOwned(older.id(), "b", completion, message("completed")).block()).isFalse();
		assertThat(this.jobs.completeIfOwned(older.id(), "a", completion, message("completed")).block()).isTrue();

		ExportHistory done = this.jobs.findById(older.id()).block();
		assertThat(done.status()).isEqualTo(ExportStatus.COMPLETED);
		assertThat(done.progress()).isEqualTo(100);
		assertThat(done.recordCount()).isEqualTo(12L);
		assertThat(done.fileName()).isEqualTo("rows.csv");
		assertThat(done.leaseOwner()).isNull();
		assertThat(done.outbox()).extracting(OutboxMessage::type).containsExactly("completed");
		Document stored = this.mongo.findById(older.id(), Document.class, ExportHistory.COLLECTION).block();
		assertThat(stored.getString("status")).isEqualTo("completed");
		assertThat(this.jobs.failIfOwned(older.id(), "a", "too late", NOW, message("failed")).block()).isFalse();
	}

	@Test
	void takesOverAJobWhoseLeaseRanOutAndShutsOutTheFormerHolder() {
		ExportHistory job = this.jobs.insert(pending(NOW)).block();
		this.jobs.claimOldest("a", NOW, NOW.plusSeconds(30)).block();
		assertThat(this.jobs.claimOldest("b", NOW.plusSeconds(10), NOW.plusSeconds(40)).block()).isNull();

		ExportHistory taken = this.jobs.claimOldest("b", NOW.plusSeconds(31), NOW.plusSeconds(61)).block();

		assertThat(taken.id()).isEqualTo(job.id());
		assertThat(taken.leaseOwner()).isEqualTo("b");
		assertThat(taken.attempts()).isEqualTo(2);
		assertThat(this.jobs.renewIfRunning(job.id(), "a", NOW.plusSeconds(90), 5, 10).block()).isFalse();
		assertThat(this.jobs.setTotalIfRunning(job.id(), "a", 50).block()).isFalse();
		assertThat(this.jobs.failIfOwned(job.id(), "a", "lost", NOW, message("failed")).block()).isFalse();
		assertThat(this.jobs.renewIfRunning(job.id(), "b", NOW.plusSeconds(90), 5, 10).block()).isTrue();
		assertThat(this.jobs.failIfOwned(job.id(), "b", "disk full", NOW, message("failed")).block()).isTrue();

		ExportHistory failed = this.jobs.findById(job.id()).block();
		assertThat(failed.status()).isEqualTo(ExportStatus.FAILED);
		assertThat(failed.errorMessage()).isEqualTo("disk full");
		assertThat(failed.recordCount()).isEqualTo(5L);
		assertThat(failed.leaseOwner()).isNull();
		assertThat(failed.outbox()).extracting(OutboxMessage::type).containsExactly("failed");
	}

	private static ExportHistory pending(Instant createdAt) {
		return new ExportHistory(new ObjectId().toHexString(), new ObjectId().toHexString(), null, null, "Rows", "csv",
				"registrations", List.of("firstName"), List.of(), List.of(), null, null, "user-1", 0L, null, null, null,
				null, null, 0, ExportStatus.PENDING, null, 0, null, null, null, null, null, false, createdAt,
				List.of());
	}

	private static OutboxMessage message(String type) {
		return new OutboxMessage(new ObjectId().toHexString(), "atlas.export", "key", type, "{}", null, NOW);
	}

}
