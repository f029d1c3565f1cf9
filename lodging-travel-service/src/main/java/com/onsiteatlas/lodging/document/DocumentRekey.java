package com.onsiteatlas.lodging.document;

import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.env.Environment;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Component;

import com.onsiteatlas.support.crypto.AesGcmStreamCipher;
import com.onsiteatlas.support.crypto.GridFsRekeyCopies;
import com.onsiteatlas.support.crypto.KeyPurpose;
import com.onsiteatlas.support.crypto.Keyring;
import com.onsiteatlas.support.crypto.RekeyReport;
import com.onsiteatlas.support.crypto.Rekeying;

/**
 * Re-encrypts the stored documents under the documents keyring's current key, for the
 * rekey command: every file in format 2 under an older key, in format 1 (under
 * {@code ATLAS_ENCRYPTION_KEY} itself) or stored in clear, one at a time. A format 2 or
 * clear file streams through (a segment in memory, whatever its size); a format 1 file is
 * decrypted whole, as its download does (at most the size limit).
 * <p>
 * A file is copied under the current key into a new GridFS file marked as a copy; only
 * once the copy is complete does its record name it, by an update guarded by the
 * original's id ({@link DocumentReferences}); then the mark is lifted and the original
 * deleted. A download reads either the original or the complete copy, never a file being
 * written; a record deleted or given another file meanwhile keeps what it has and the
 * copy is deleted. A run stopped anywhere leaves every record naming a readable file; the
 * next run finishes the copies a record already names, deletes those no record took once
 * they are older than {@link GridFsRekeyCopies#ABANDONED}, and goes on with the files
 * still under an old key.
 */
@Component
class DocumentRekey implements Rekeying {

	private static final Logger logger = LoggerFactory.getLogger(DocumentRekey.class);

	private final StoredFileRepository files;

	private final GridFsRekeyCopies copies;

	private final Map<String, DocumentReferences> references;

	private final Environment environment;

	private final String encryptionKey;

	private final Clock clock;

	DocumentRekey(StoredFileRepository files, List<DocumentReferences> references, Environment environment,
			DocumentProperties properties, Clock clock) {
		this.files = files;
		this.copies = files.rekeyCopies();
		this.references = references.stream()
			.collect(Collectors.toMap(DocumentReferences::resourceType, Function.identity()));
		this.environment = environment;
		this.encryptionKey = properties.encryptionKey();
		this.clock = clock;
	}

	@Override
	public KeyPurpose purpose() {
		return KeyPurpose.DOCUMENTS;
	}

	@Override
	public Mono<RekeyReport> rekey() {
		return rekey(Keyring.from(this.environment, KeyPurpose.DOCUMENTS, this.encryptionKey));
	}

	/**
	 * Re-encrypts every stored document not under a keyring's current key.
	 * @param keyring the documents keyring
	 * @return the counts
	 */
	Mono<RekeyReport> rekey(Keyring keyring) {
		AesGcmStreamCipher cipher = new AesGcmStreamCipher(keyring);
		StoredContent content = new StoredContent(cipher, new Encryption(this.encryptionKey));
		RekeyReport none = RekeyReport.empty(KeyPurpose.DOCUMENTS, keyring.currentId());
		// Files stored from here on (the copies among them) are under the current key.
		ObjectId start = new ObjectId();
		return this.copies.findCopies()
			.concatMap(this::finishOrDrop)
			.then(Mono.defer(() -> this.copies.findStoredBefore(start)
				.concatMap((file) -> rekey(file, cipher, content, none))
				.reduce(none, RekeyReport::plus)))
			.doOnNext((report) -> logger.info("Rekey of documents: {}", report));
	}

	private Mono<RekeyReport> rekey(GridFSFile file, AesGcmStreamCipher cipher, StoredContent content,
			RekeyReport none) {
		Document metadata = (file.getMetadata() != null) ? file.getMetadata() : new Document();
		ObjectId id = file.getObjectId();
		DocumentReferences records = this.references.get(metadata.getString("resourceType"));
		return this.copies.head(file).flatMap((head) -> {
			if (StoredContent.isStreaming(metadata) && AesGcmStreamCipher.isEncrypted(head)
					&& !cipher.needsRekey(head)) {
				return Mono.just(none.oneAlreadyCurrent());
			}
			if (records == null || metadata.getString("resourceId") == null) {
				logger.warn("Rekey of documents: file {} names no record this service knows; left alone", id);
				return Mono.just(none.oneFailed());
			}
			String resourceId = metadata.getString("resourceId");
			return copy(file, metadata, cipher, content)
				.flatMap((copy) -> records.replace(resourceId, id.toHexString(), copy.toHexString())
					.flatMap((replaced) -> replaced
							? this.copies.unmarkCopy(copy).then(this.copies.delete(id)).thenReturn(none.oneRekeyed())
							: this.copies.delete(copy).thenReturn(none.oneFailed())));
		}).onErrorResume((ex) -> {
			logger.warn("Rekey of documents: file {} not re-encrypted: {}", id, ex.getMessage());
			return Mono.just(none.oneFailed());
		});
	}

	/** Stores the copy of a file under the current key, marked as a copy. */
	private Mono<ObjectId> copy(GridFSFile file, Document metadata, AesGcmStreamCipher cipher, StoredContent content) {
		DocumentOwner owner = StoredContent.owner(metadata);
		Document copied = new Document(metadata);
		copied.remove("iv");
		copied.append("encrypted", true)
			.append("cipher", "AES-256-GCM")
			.append("format", StoredContent.STREAMING_FORMAT)
			.append(GridFsRekeyCopies.REKEY_OF, file.getObjectId());
		byte[] header = new byte[AesGcmStreamCipher.HEADER_BYTES];
		int[] filled = { 0 };
		Flux<DataBuffer> raw = this.files.resource(file).flatMapMany((resource) -> resource.getDownloadStream());
		Flux<DataBuffer> sealed = cipher.encrypt(content.plaintext(raw, metadata, owner), owner.associatedData())
			.doOnNext((buffer) -> {
				int n = Math.min(header.length - filled[0], buffer.readableByteCount());
				for (int i = 0; i < n; i++) {
					header[filled[0]++] = buffer.getByte(buffer.readPosition() + i);
				}
			});
		return this.files.store(sealed, file.getFilename(), copied)
			.flatMap((copy) -> this.files
				.recordIv(copy, Base64.getEncoder().encodeToString(AesGcmStreamCipher.noncePrefix(header)))
				.thenReturn(copy));
	}

	/** A copy left by a run that stopped: settled by whether its record names it. */
	private Mono<Void> finishOrDrop(GridFSFile copy) {
		Document metadata = copy.getMetadata();
		DocumentReferences records = this.references.get(metadata.getString("resourceType"));
		Mono<Boolean> named = (records != null)
				? records.refersTo(metadata.getString("resourceId"), copy.getObjectId().toHexString())
				: Mono.just(false);
		return this.copies.finishOrDrop(copy, named, this.clock.instant());
	}

}
