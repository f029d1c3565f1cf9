package com.onsiteatlas.reporting.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.test.context.TestPropertySource;

import com.onsiteatlas.reporting.ReportingIntegrationTest;
import com.onsiteatlas.reporting.format.FileFormat;
import com.onsiteatlas.support.crypto.AesGcmStreamCipher;
import com.onsiteatlas.support.crypto.GridFsRekeyCopies;
import com.onsiteatlas.support.crypto.KeyPurpose;
import com.onsiteatlas.support.crypto.Keyring;
import com.onsiteatlas.support.crypto.RekeyReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rekey of export files: written under key {@code a}, re-encrypted with {@code b}
 * current and {@code a} still in the ring, then read with {@code a} removed; a run
 * stopped mid-way leaves every file readable and the next run finishes; an expiry that
 * raced a rekey does not forget the copy. A database of its own, so the counts are this
 * class's files only.
 */
@TestPropertySource(properties = "spring.data.mongodb.database=atlas_reporting_rekey_test")
class ExportFileRekeyTests extends ReportingIntegrationTest {

	private static final String DEV_KEY = "ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=";

	private static final String KEY_A = "ZXhwb3J0LWZpbGVzLWtleS1hLW9mLXJla2V5LXRlc3Q=";

	private static final String KEY_B = "ZXhwb3J0LWZpbGVzLWtleS1iLW9mLXJla2V5LXRlc3Q=";

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	ReactiveGridFsTemplate gridFs;

	@Autowired
	ExportFileRepository stored;

	@Autowired
	ExportHistoryRepository jobs;

	@Autowired
	Environment environment;

	@Autowired
	Clock clock;

	@TempDir
	Path directory;

	@BeforeEach
	void empty() {
		this.gridFs.delete(new Query()).block();
		this.mongo.remove(new Query(), ExportHistory.class).block();
	}

	@Test
	void reEncryptsEveryExportFileSoThatTheOldKeyCanBeRemoved() throws IOException {
		byte[] large = csv(4000);
		byte[] small = csv(3);
		String largeJob = job(files("a", "a"), large);
		String smallJob = job(files("a", "a"), small);
		// Stored in clear before encryption.
		byte[] clear = csv(2);
		String clearJob = new ObjectId().toHexString();
		ObjectId clearFile = this.gridFs
			.store(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(clear)), "clear.csv", "text/csv",
					new Document("exportId", clearJob).append("contentType", "text/csv"))
			.block();
		insertJob(clearJob, clearFile.toHexString(), clear.length);
		String largeBefore = fileId(largeJob);
		assertThat(AesGcmStreamCipher.keyId(storedBytes(largeBefore))).isEqualTo("a");

		RekeyReport report = rekey(ring("b", "a", "b"), this.clock);

		assertThat(report).isEqualTo(new RekeyReport("export-files", 3, 3, 0, 0, "b"));
		assertThat(fileId(largeJob)).isNotEqualTo(largeBefore);
		assertThat(this.gridFs.find(new Query()).collectList().block()).hasSize(3)
			.allSatisfy((file) -> assertThat(file.getMetadata().containsKey(GridFsRekeyCopies.REKEY_OF)).isFalse());
		// Key a removed from the configuration: every file reads, content identical.
		ExportFiles onlyB = files("b", "b");
		assertThat(read(onlyB, largeJob)).isEqualTo(large);
		assertThat(read(onlyB, smallJob)).isEqualTo(small);
		assertThat(read(onlyB, clearJob)).isEqualTo(clear);
		assertThat(AesGcmStreamCipher.keyId(storedBytes(fileId(clearJob)))).isEqualTo("b");
		assertThatThrownBy(() -> read(files("a", "a"), largeJob)).hasMessageContaining("does not hold");

		assertThat(rekey(ring("b", "a", "b"), this.clock)).isEqualTo(new RekeyReport("export-files", 3, 0, 3, 0, "b"));
	}

	@Test
	void aRunStoppedMidWayLeavesEveryFileReadableAndTheNextRunFinishes() throws IOException {
		byte[] first = csv(100);
		byte[] second = csv(200);
		String firstJob = job(files("a", "a"), first);
		String secondJob = job(files("a", "a"), second);
		ExportFiles underB = files("b", "a", "b");
		// A run stopped after copying the first file, before its job named the copy; and
		// after switching the second job to its copy, before deleting the original.
		underB.copy(file(fileId(firstJob))).block();
		String secondOriginal = fileId(secondJob);
		ObjectId secondCopy = underB.copy(file(secondOriginal)).block();
		assertThat(this.jobs.replaceFile(secondJob, secondOriginal, secondCopy.toHexString()).block()).isTrue();
		assertThat(read(underB, firstJob)).isEqualTo(first);
		assertThat(read(underB, secondJob)).isEqualTo(second);

		RekeyReport resumed = rekey(ring("b", "a", "b"), this.clock);

		assertThat(resumed).isEqualTo(new RekeyReport("export-files", 2, 1, 1, 0, "b"));
		assertThat(this.gridFs.find(Query.query(Criteria.where("_id").is(new ObjectId(secondOriginal))))
			.collectList()
			.block()).isEmpty();
		// The first file's abandoned copy goes once it is old enough not to be another
		// run's in progress.
		assertThat(this.gridFs.find(new Query()).collectList().block()).hasSize(3);
		Clock later = Clock.offset(this.clock, GridFsRekeyCopies.ABANDONED.plus(Duration.ofMinutes(1)));
		assertThat(rekey(ring("b", "a", "b"), later)).isEqualTo(new RekeyReport("export-files", 2, 0, 2, 0, "b"));
		assertThat(this.gridFs.find(new Query()).collectList().block()).hasSize(2);
		ExportFiles onlyB = files("b", "b");
		assertThat(read(onlyB, firstJob)).isEqualTo(first);
		assertThat(read(onlyB, secondJob)).isEqualTo(second);
	}

	@Test
	void anExpiryThatRacedARekeyLeavesTheJobNamingTheCopyForTheNextPurge() throws IOException {
		String jobId = job(files("a", "a"), csv(5));
		String original = fileId(jobId);
		ObjectId copy = files("b", "a", "b").copy(file(original)).block();
		this.jobs.replaceFile(jobId, original, copy.toHexString()).block();

		this.jobs.markExpired(jobId, original).block();

		ExportHistory job = this.mongo.findById(jobId, ExportHistory.class).block();
		assertThat(job.expired()).isNotEqualTo(Boolean.TRUE);
		assertThat(job.fileId()).isEqualTo(copy.toHexString());
		this.jobs.markExpired(jobId, copy.toHexString()).block();
		assertThat(this.mongo.findById(jobId, ExportHistory.class).block().expired()).isTrue();
		assertThat(this.jobs.replaceFile(jobId, copy.toHexString(), new ObjectId().toHexString()).block()).isFalse();
	}

	private RekeyReport rekey(Keyring keyring, Clock clock) {
		return new ExportFileRekey(this.stored, this.jobs, this.environment, DEV_KEY, clock).rekey(keyring).block();
	}

	private static Keyring ring(String current, String... ids) {
		Map<String, String> keys = new HashMap<>();
		for (String id : ids) {
			keys.put(id, "a".equals(id) ? KEY_A : KEY_B);
		}
		return Keyring.of(KeyPurpose.EXPORT_FILES, DEV_KEY, current, keys);
	}

	private ExportFiles files(String current, String... ids) {
		return new ExportFiles(this.stored, new AesGcmStreamCipher(ring(current, ids)));
	}

	/** Stores a file for a new completed job. */
	private String job(ExportFiles files, byte[] content) throws IOException {
		String jobId = new ObjectId().toHexString();
		Path file = Files.write(this.directory.resolve(jobId + ".csv"), content);
		ObjectId fileId = files.store(jobId, "registrations.csv", FileFormat.of("csv"), file).block();
		insertJob(jobId, fileId.toHexString(), content.length);
		return jobId;
	}

	private void insertJob(String jobId, String fileId, long size) {
		Instant now = Instant.now();
		this.mongo
			.insert(new ExportHistory(jobId, new ObjectId().toHexString(), null, null, "Rekey", "csv", "registrations",
					List.of(), List.of(), List.of(), null, null, new ObjectId().toHexString(), 1L, 1L, size,
					"/api/export/download/" + jobId, "registrations.csv", fileId, 100, ExportStatus.COMPLETED, null, 0,
					null, null, now, now, now.plus(Duration.ofDays(7)), false, now, List.of()))
			.block();
	}

	private String fileId(String jobId) {
		return this.mongo.findById(jobId, ExportHistory.class).block().fileId();
	}

	private GridFSFile file(String fileId) {
		return this.gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(fileId)))).block();
	}

	private byte[] read(ExportFiles files, String jobId) {
		return join(files.read(jobId, fileId(jobId)).flatMapMany((content) -> content));
	}

	private byte[] storedBytes(String fileId) {
		return join(this.gridFs.getResource(file(fileId)).flatMapMany((resource) -> resource.getDownloadStream()));
	}

	private static byte[] csv(int rows) {
		StringBuilder csv = new StringBuilder("Registration ID,First Name\r\n");
		for (int i = 1; i <= rows; i++) {
			csv.append(String.format("REK-%05d,Guest with a longer name %d%n", i, i));
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
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
