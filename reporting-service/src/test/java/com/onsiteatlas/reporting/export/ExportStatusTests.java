package com.onsiteatlas.reporting.export;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.onsiteatlas.reporting.ReportingIntegrationTest;
import com.onsiteatlas.reporting.format.ExportOptions;
import com.onsiteatlas.support.web.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The export job status: its moves, its wire values in JSON and in stored documents.
 */
class ExportStatusTests extends ReportingIntegrationTest {

	@Autowired
	ReactiveMongoTemplate mongo;

	@Test
	void movesFromPendingThroughProcessingToAnEnd() {
		assertThat(ExportStatus.PENDING.canBecome(ExportStatus.PROCESSING)).isTrue();
		assertThat(ExportStatus.PENDING.canBecome(ExportStatus.COMPLETED)).isFalse();
		assertThat(ExportStatus.PROCESSING.canBecome(ExportStatus.PROCESSING)).isTrue();
		assertThat(ExportStatus.PROCESSING.canBecome(ExportStatus.COMPLETED)).isTrue();
		assertThat(ExportStatus.PROCESSING.canBecome(ExportStatus.FAILED)).isTrue();
		assertThat(ExportStatus.COMPLETED.canBecome(ExportStatus.PROCESSING)).isFalse();
		assertThat(ExportStatus.FAILED.canBecome(ExportStatus.PENDING)).isFalse();
		assertThat(ExportStatus.valuesThatCanBecome(ExportStatus.COMPLETED)).containsExactly("processing");
		assertThat(ExportStatus.COMPLETED.isFinished()).isTrue();
		assertThat(ExportStatus.PROCESSING.isFinished()).isFalse();
	}

	@Test
	void readsTheLowerCaseWireValuesAndRefusesOthersWithTheOldMessage() throws Exception {
		assertThat(ExportStatus.of("processing")).isEqualTo(ExportStatus.PROCESSING);
		assertThat(JSON.writeValueAsString(ExportStatus.COMPLETED)).isEqualTo("\"completed\"");
		assertThatThrownBy(() -> ExportStatus.of("done")).isInstanceOf(ApiException.class)
			.hasMessage("status must be one of pending, processing, completed, failed");
	}

	@Test
	void storesTheStatusAsTheLowerCaseStringAndReadsStoredStrings() {
		String id = new ObjectId().toHexString();
		this.mongo
			.insert(new ExportHistory(id, null, null, null, "Stored", "csv", "registrations", List.of(), List.of(),
					List.of(), null, ExportOptions.defaults(), "65f0a00000000000000000a1", 0L, null, null, null, null,
					null, 0, ExportStatus.FAILED, "stored", 1, null, null, null, null, null, false, Instant.now(),
					List.of()))
			.block();
		Document stored = this.mongo
			.findOne(Query.query(Criteria.where("_id").is(new ObjectId(id))), Document.class, ExportHistory.COLLECTION)
			.block();
		assertThat(stored.getString("status")).isEqualTo("failed");
		this.mongo.getCollection(ExportHistory.COLLECTION)
			.flatMap((collection) -> Mono.from(collection.updateOne(new Document("_id", new ObjectId(id)),
					new Document("$set", new Document("status", "completed")))))
			.block();
		assertThat(this.mongo.findById(id, ExportHistory.class).block().status()).isEqualTo(ExportStatus.COMPLETED);
	}

}
