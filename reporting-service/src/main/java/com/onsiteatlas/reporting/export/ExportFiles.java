package com.onsiteatlas.reporting.export;

import java.nio.file.Path;

import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.Document;
import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Component;

import com.onsiteatlas.reporting.format.FileFormat;
import com.onsiteatlas.support.crypto.AesGcmStreamCipher;
import com.onsiteatlas.support.crypto.GridFsRekeyCopies;
import com.onsiteatlas.support.crypto.KeyPurpose;
import com.onsiteatlas.support.crypto.Keyring;

/**
 * The stored files of export jobs in GridFS: their names, storing a written file
 * encrypted, reading one back in clear, and deleting one.
 * <p>
 * Files are encrypted at rest as they stream into GridFS ({@link AesGcmStreamCipher}
 * under the export-files keyring, {@code atlas.crypto.export-files.*}, or the key derived
 * for it from {@code ATLAS_ENCRYPTION_KEY}; the header names the key; the job id as
 * associated data, so a file copied onto another job does not decrypt) and decrypted as
 * they stream out; neither holds more than a segment of the file in memory. Files stored
 * in clear before encryption carry no header and are read as they are until they expire.
 */
@Component
class ExportFiles {

	private final ExportFileRepository stored;

	private final AesGcmStreamCipher cipher;

	@Autowired
	ExportFiles(ExportFileRepository stored, @Value("${atlas.reporting.encryption-key}") String key,
			Environment environment) {
		this(stored, new AesGcmStreamCipher(Keyring.from(environment, KeyPurpose.EXPORT_FILES, key)));
	}

	/**
	 * The files under a given keyring's cipher: the rekey's, and tests'.
	 * @param stored the GridFS files
	 * @param cipher the cipher
	 */
	ExportFiles(ExportFileRepository stored, AesGcmStreamCipher cipher) {
		this.stored = stored;
		this.cipher = cipher;
	}

	/**
	 * Copies a written file into GridFS.
	 * @param job its job
	 * @param written the file
	 * @return the GridFS id
	 */
	Mono<String> store(ExportHistory job, ExportFileWriter.Written written) {
		return store(job.id(), fileName(job), FileFormat.of(job.exportType()), written.path())
			.map(ObjectId::toHexString);
	}

	/**
	 * Copies a file into GridFS, encrypted.
	 * @param exportId the job it belongs to
	 * @param fileName its download name
	 * @param format its format
	 * @param file the file
	 * @return the GridFS id
	 */
	Mono<ObjectId> store(String exportId, String fileName, FileFormat format, Path file) {
		Document metadata = new Document("exportId", exportId).append("contentType", format.contentType())
			.append("encrypted", true)
			.append("cipher", AesGcmStreamCipher.NAME);
		Flux<DataBuffer> clear = DataBufferUtils.read(file, DefaultDataBufferFactory.sharedInstance, 64 * 1024);
		return this.stored.store(this.cipher.encrypt(clear, associatedData(exportId)), fileName, format.contentType(),
				metadata);
	}

	/**
	 * The clear bytes of a stored file, decrypted as they stream.
	 * @param exportId the job it belongs to
	 * @param fileId its GridFS id
	 * @return its bytes, or empty when the file is gone
	 */
	Mono<Flux<DataBuffer>> read(String exportId, String fileId) {
		return this.stored.content(fileId).map((content) -> this.cipher.decrypt(content, associatedData(exportId)));
	}

	/**
	 * Stores a copy of a file encrypted under this cipher's current key, as it streams
	 * (decrypted under any key of the ring, or read as it is when stored in clear),
	 * marked as a copy of the original until {@link GridFsRekeyCopies#unmarkCopy}.
	 * @param original the stored file, its metadata naming its job
	 * @return the copy's GridFS id; an error, and no copy, when the original does not
	 * decrypt
	 */
	Mono<ObjectId> copy(GridFSFile original) {
		Document metadata = new Document(original.getMetadata());
		String exportId = metadata.getString("exportId");
		metadata.append("encrypted", true)
			.append("cipher", AesGcmStreamCipher.NAME)
			.append(GridFsRekeyCopies.REKEY_OF, original.getObjectId());
		Flux<DataBuffer> clear = this.cipher.decrypt(this.stored.content(original), associatedData(exportId));
		return this.stored.store(this.cipher.encrypt(clear, associatedData(exportId)), original.getFilename(),
				metadata.getString("contentType"), metadata);
	}

	private static String associatedData(String exportId) {
		return "export:" + exportId;
	}

	/**
	 * Deletes a stored file.
	 * @param fileId its GridFS id
	 * @return completion
	 */
	Mono<Void> delete(String fileId) {
		return this.stored.delete(fileId);
	}

	/**
	 * The download name of a job's file: data type, event (or {@code all}), day and the
	 * end of the job id.
	 * @param job the job
	 * @return e.g. {@code registrations_<event>_2026-12-07_a1b2c3.csv}
	 */
	static String fileName(ExportHistory job) {
		String day = job.createdAt().toString().substring(0, 10);
		return job.dataType() + "_" + ((job.event() != null) ? job.event() : "all") + "_" + day + "_"
				+ job.id().substring(18) + "." + FileFormat.of(job.exportType()).extension();
	}

}
