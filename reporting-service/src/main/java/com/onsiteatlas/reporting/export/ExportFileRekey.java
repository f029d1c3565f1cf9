package com.onsiteatlas.reporting.export;

import java.time.Clock;

import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.onsiteatlas.support.crypto.AesGcmStreamCipher;
import com.onsiteatlas.support.crypto.GridFsRekeyCopies;
import com.onsiteatlas.support.crypto.KeyPurpose;
import com.onsiteatlas.support.crypto.Keyring;
import com.onsiteatlas.support.crypto.RekeyReport;
import com.onsiteatlas.support.crypto.Rekeying;

/**
 * Re-encrypts the stored export files under the export-files keyring's current key, for
 * the rekey command, one file at a time and as it streams (a segment in memory, whatever
 * the file's size). A file is copied under the current key, the copy marked as such; only
 * once the copy is complete does its job name it, by an update guarded by the original's
 * id (so a job whose file expired or changed meanwhile keeps what it has, and the copy is
 * deleted); then the mark is lifted and the original deleted. A download reads either the
 * original or the complete copy, never a file being written. A run stopped anywhere
 * leaves every job naming a readable file; the next run finishes the copies a job already
 * names, deletes those no job took once they are older than
 * {@link GridFsRekeyCopies#ABANDONED}, and goes on with the files still under an old key.
 */
@Component
class ExportFileRekey implements Rekeying {

	private static final Logger logger = LoggerFactory.getLogger(ExportFileRekey.class);

	private final ExportFileRepository files;

	private final GridFsRekeyCopies copies;

	private final ExportHistoryRepository jobs;

	private final Environment environment;

	private final String encryptionKey;

	private final Clock clock;

	ExportFileRekey(ExportFileRepository files, ExportHistoryRepository jobs, Environment environment,
			@Value("${atlas.reporting.encryption-key}") String encryptionKey, Clock clock) {
		this.files = files;
		this.copies = files.rekeyCopies();
		this.jobs = jobs;
		this.environment = environment;
		this.encryptionKey = encryptionKey;
		this.clock = clock;
	}

	@Override
	public KeyPurpose purpose() {
		return KeyPurpose.EXPORT_FILES;
	}

	@Override
	public Mono<RekeyReport> rekey() {
		return rekey(Keyring.from(this.environment, KeyPurpose.EXPORT_FILES, this.encryptionKey));
	}

	/**
	 * Re-encrypts every stored export file not under a keyring's current key.
	 * @param keyring the export-files keyring
	 * @return the counts
	 */
	Mono<RekeyReport> rekey(Keyring keyring) {
		AesGcmStreamCipher cipher = new AesGcmStreamCipher(keyring);
		ExportFiles under = new ExportFiles(this.files, cipher);
		RekeyReport none = RekeyReport.empty(KeyPurpose.EXPORT_FILES, keyring.currentId());
		// Files stored from here on (the copies among them) are under the current key.
		ObjectId start = new ObjectId();
		return this.copies.findCopies()
			.concatMap(this::finishOrDrop)
			.then(Mono.defer(() -> this.copies.findStoredBefore(start)
				.concatMap((file) -> rekey(file, cipher, under, none))
				.reduce(none, RekeyReport::plus)))
			.doOnNext((report) -> logger.info("Rekey of export files: {}", report));
	}

	private Mono<RekeyReport> rekey(GridFSFile file, AesGcmStreamCipher cipher, ExportFiles under, RekeyReport none) {
		String exportId = (file.getMetadata() != null) ? file.getMetadata().getString("exportId") : null;
		ObjectId id = file.getObjectId();
		return this.copies.head(file).flatMap((head) -> {
			if (AesGcmStreamCipher.isEncrypted(head) && !cipher.needsRekey(head)) {
				return Mono.just(none.oneAlreadyCurrent());
			}
			if (exportId == null) {
				logger.warn("Rekey of export files: file {} names no export job; left alone", id);
				return Mono.just(none.oneFailed());
			}
			return under.copy(file)
				.flatMap((copy) -> this.jobs.replaceFile(exportId, id.toHexString(), copy.toHexString())
					.flatMap((replaced) -> replaced
							? this.copies.unmarkCopy(copy).then(this.copies.delete(id)).thenReturn(none.oneRekeyed())
							: this.copies.delete(copy).thenReturn(none.oneFailed())));
		}).onErrorResume((ex) -> {
			logger.warn("Rekey of export files: file {} of job {} not re-encrypted: {}", id, exportId, ex.getMessage());
			return Mono.just(none.oneFailed());
		});
	}

	/** A copy left by a run that stopped: settled by whether its job names it. */
	private Mono<Void> finishOrDrop(GridFSFile copy) {
		String exportId = copy.getMetadata().getString("exportId");
		Mono<Boolean> named = (exportId != null) ? this.jobs.refersTo(exportId, copy.getObjectId().toHexString())
				: Mono.just(false);
		return this.copies.finishOrDrop(copy, named, this.clock.instant());
	}

}
