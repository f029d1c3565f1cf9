package com.onsiteatlas.reporting.export;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.http.MediaType;

import com.onsiteatlas.reporting.ReportingIntegrationTest;
import com.onsiteatlas.reporting.readmodel.ReportRow;
import com.onsiteatlas.support.crypto.AesGcmStreamCipher;
import com.onsiteatlas.support.crypto.KeyPurpose;
import com.onsiteatlas.support.crypto.Keyring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Export files at rest: what GridFS holds is not the file (encrypted as it streams in,
 * many segments for a file of some size), the download is the generated file, and a file
 * stored in clear before encryption is still served as it is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportFileEncryptionTests extends ReportingIntegrationTest {

	/** The development default of ATLAS_ENCRYPTION_KEY, which the tests run with. */
	private static final String DEV_KEY = "ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=";

	private static final int ROWS = 6000;

	private final String eventId = new ObjectId().toHexString();

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	ReactiveGridFsTemplate gridFs;

	@BeforeAll
	void rows() {
		Instant at = Instant.parse("2026-05-01T09:00:00Z");
		List<ReportRow> rows = new ArrayList<>();
		for (int i = 1; i <= ROWS; i++) {
			String registrationId = String.format("ENC-%05d", i);
			rows.add(
					new ReportRow("registrations:" + this.eventId + ":" + i, "registrations", this.eventId,
							Map.of("registrationId", registrationId, "firstName", "Guest with a longer name " + i,
									"category", "Delegate", "status", "active", "registrationDate", at.plusSeconds(i)),
							at, at));
		}
		this.mongo.insertAll(rows).collectList().block(Duration.ofSeconds(30));
	}

	@Test
	void storesTheExportEncryptedAndDownloadsTheGeneratedFile() throws Exception {
		String jobId = generate();
		ExportHistory job = await().atMost(Duration.ofSeconds(60))
			.until(() -> this.mongo.findById(jobId, ExportHistory.class).block(),
					(found) -> found != null && found.status() == ExportStatus.COMPLETED);
		byte[] stored = storedBytes(job.fileId());
		byte[] downloaded = download(jobId);
		// The download is the generated file: every row, in order, of the size written.
		List<CSVRecord> records = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.build()
			.parse(new StringReader(new String(downloaded, StandardCharsets.UTF_8)))
			.getRecords();
		assertThat(records).hasSize(ROWS);
		assertThat(records.get(0).get("Registration ID")).isEqualTo("ENC-00001");
		assertThat(records.get(ROWS - 1).get("Registration ID")).isEqualTo(String.format("ENC-%05d", ROWS));
		assertThat((long) downloaded.length).isEqualTo(job.fileSize()).isGreaterThan(3 * 64 * 1024);
		// At rest: not the file, no row readable, marked as encrypted.
		assertThat(stored).isNotEqualTo(downloaded);
		assertThat(AesGcmStreamCipher.isEncrypted(stored)).isTrue();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("ENC-0").doesNotContain("Guest");
		Document metadata = this.gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(job.fileId()))))
			.block()
			.getMetadata();
		assertThat(metadata.getBoolean("encrypted")).isTrue();
		assertThat(metadata.getString("cipher")).isEqualTo(AesGcmStreamCipher.NAME);
		// Under the platform key and this job: the stored bytes open to the download.
		assertThat(join(new AesGcmStreamCipher(Keyring.of(KeyPurpose.EXPORT_FILES, DEV_KEY, null, null))
			.decrypt(Flux.just(wrap(stored)), "export:" + jobId))).isEqualTo(downloaded);
	}

	@Test
	void servesAFileStoredInClearBeforeEncryptionAsItIs() {
		byte[] clear = "Registration ID,First Name\r\nOLD-0001,Clara\r\n".getBytes(StandardCharsets.UTF_8);
		String jobId = new ObjectId().toHexString();
		ObjectId fileId = this.gridFs
			.store(Flux.just(wrap(clear)), "registrations_old.csv", "text/csv",
					new Document("exportId", jobId).append("contentType", "text/csv"))
			.block();
		Instant now = Instant.now();
		this.mongo
			.insert(new ExportHistory(jobId, this.eventId, null, null, "Old export", "csv", "registrations", List.of(),
					List.of(), List.of(), null, null, new ObjectId().toHexString(), 1L, 1L, (long) clear.length,
					"/api/export/download/" + jobId, "registrations_old.csv", fileId.toHexString(), 100,
					ExportStatus.COMPLETED, null, 0, null, null, now, now, now.plus(Duration.ofDays(7)), false, now,
					List.of()))
			.block();
		assertThat(download(jobId)).isEqualTo(clear);
	}

	private String generate() {
		Map<?, ?> response = as("admin").post()
			.uri("/api/export/generate")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Encrypted", "exportType", "csv", "dataType", "registrations", "event",
					this.eventId, "fields", List.of("registrationId", "firstName"), "sorts",
					List.of(Map.of("field", "registrationId", "direction", "asc"))))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) ((Map<?, ?>) response.get("data")).get("_id");
	}

	private byte[] download(String jobId) {
		return as("admin").get()
			.uri("/api/export/download/" + jobId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
	}

	private byte[] storedBytes(String fileId) {
		return join(this.gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(fileId))))
			.flatMap(this.gridFs::getResource)
			.flatMapMany((resource) -> resource.getDownloadStream()));
	}

	private static DataBuffer wrap(byte[] bytes) {
		return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
	}

	private static byte[] join(Flux<DataBuffer> buffers) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		buffers.doOnNext((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			out.writeBytes(bytes);
		}).blockLast(Duration.ofSeconds(30));
		return out.toByteArray();
	}

}
