package com.onsiteatlas.lodging.document;

import java.util.Base64;
import java.util.function.Function;

import org.bson.Document;
import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.env.Environment;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Service;

import com.onsiteatlas.lodging.audit.Actor;
import com.onsiteatlas.lodging.audit.AuditTrail;
import com.onsiteatlas.support.crypto.AesGcmStreamCipher;
import com.onsiteatlas.support.crypto.KeyPurpose;
import com.onsiteatlas.support.crypto.Keyring;
import com.onsiteatlas.support.web.ApiException;

/**
 * Keeps uploaded documents in this service's GridFS, every one encrypted at rest, and
 * audits every upload, download and delete. Uploads stream: the file goes through
 * service-support's segmented cipher ({@link AesGcmStreamCipher}, format 2) into GridFS
 * without being held whole, and downloads decrypt as they stream. Uploads run within the
 * upload bound ({@link UploadGate}) and the quotas ({@link DocumentQuotas}). Files of the
 * earlier whole-file format and files stored in clear before encryption are still served.
 */
@Service
public class DocumentStore {

	private static final String PENDING_NAME = "upload";

	private final StoredFileRepository files;

	private final AuditTrail audit;

	private final DocumentProperties properties;

	private final AesGcmStreamCipher cipher;

	private final StoredContent content;

	private final UploadGate gate;

	private final DocumentQuotas quotas;

	DocumentStore(StoredFileRepository files, AuditTrail audit, DocumentProperties properties, UploadGate gate,
			DocumentQuotas quotas, Environment environment) {
		this.files = files;
		this.audit = audit;
		this.properties = properties;
		// New files under the documents keyring (atlas.crypto.documents.*, or the key
		// derived for it from ATLAS_ENCRYPTION_KEY); format 1 files stay under the key
		// itself until a rekey.
		this.cipher = new AesGcmStreamCipher(
				Keyring.from(environment, KeyPurpose.DOCUMENTS, properties.encryptionKey()));
		this.content = new StoredContent(this.cipher, new Encryption(properties.encryptionKey()));
		this.gate = gate;
		this.quotas = quotas;
	}

	/**
	 * Admits an upload before its body is read: takes a place within the upload bound,
	 * then reserves quota for the declared size, then reads the form and hands it on.
	 * Both are released when the returned work ends, however it ends.
	 * @param <T> what the work gives
	 * @param owner the record the file is for
	 * @param caller the user or registrant id
	 * @param upload the upload, its body not read yet
	 * @param work what to do with the form, usually {@link #store} and a record write
	 * @return the work's result; a 429 past the upload bound, a 409 or 413 past a quota
	 */
	public <T> Mono<T> receive(DocumentOwner owner, String caller, IncomingUpload upload,
			Function<UploadForm, Mono<T>> work) {
		long max = this.properties.maxSize().toBytes();
		long bytes = (upload.declaredBytes() >= 0) ? Math.min(upload.declaredBytes(), max) : max;
		return Mono.usingWhen(this.gate.admit(caller), (permit) -> Mono.usingWhen(this.quotas.reserve(owner, bytes),
				(reservation) -> upload.form().flatMap(work), (reservation) -> Mono.fromRunnable(reservation::release)),
				UploadGate.Permit::release);
	}

	/**
	 * Checks and stores an upload as it streams.
	 * @param owner the record it belongs to
	 * @param file the uploaded file
	 * @param actor who uploads
	 * @return the stored document; 413 when too large, 415 when not PDF, JPEG or PNG
	 */
	public Mono<StoredDocument> store(DocumentOwner owner, FilePart file, Actor actor) {
		return Mono.defer(() -> {
			Document metadata = new Document("eventId", owner.eventId()).append("resourceType", owner.resourceType())
				.append("resourceId", owner.resourceId())
				.append("registration", owner.registration())
				.append("encrypted", true)
				.append("cipher", "AES-256-GCM")
				.append("format", StoredContent.STREAMING_FORMAT);
			IncomingFile incoming = new IncomingFile(this.cipher, owner.associatedData(),
					this.properties.maxSize().toBytes());
			return this.files.store(incoming.seal(file.content()), PENDING_NAME, metadata).flatMap((id) -> {
				String name = FileNames.sanitise(file.filename(), incoming.kind());
				String contentType = incoming.kind().contentType();
				String iv = Base64.getEncoder().encodeToString(incoming.noncePrefix());
				return this.files.complete(id, name, contentType, incoming.size(), iv)
					.onErrorResume((ex) -> this.files.deleteById(id).then(Mono.error(ex)))
					.thenReturn(new StoredDocument(id.toHexString(), name, contentType, incoming.size(), true));
			});
		})
			.flatMap((stored) -> this.audit
				.record(owner.eventId(), "upload", owner.resourceType(), owner.resourceId(), stored.fileId(),
						stored.fileName(), actor)
				.thenReturn(stored));
	}

	/**
	 * Opens a stored document of a record for download and audits it.
	 * @param owner the record it must belong to
	 * @param fileId the stored file
	 * @param actor who downloads
	 * @return the download, or a 404
	 */
	public Mono<Download> open(DocumentOwner owner, String fileId, Actor actor) {
		if (fileId == null || !ObjectId.isValid(fileId)) {
			return Mono.error(ApiException.notFound("Document not found"));
		}
		return this.files.findById(new ObjectId(fileId))
			.filter((file) -> file.getMetadata() != null
					&& owner.resourceId().equals(file.getMetadata().getString("resourceId"))
					&& owner.eventId().equals(file.getMetadata().getString("eventId")))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Document not found")))
			.flatMap((file) -> {
				Document metadata = file.getMetadata();
				String contentType = metadata.getString("contentType");
				long size = metadata.get("size", Number.class).longValue();
				Mono<Flux<DataBuffer>> content = this.files.resource(file)
					.map((resource) -> this.content.plaintext(resource.getDownloadStream(), metadata, owner));
				return this.audit
					.record(owner.eventId(), "download", owner.resourceType(), owner.resourceId(), fileId,
							file.getFilename(), actor)
					.then(content)
					.map((flux) -> new Download(file.getFilename(), contentType, size, flux));
			});
	}

	/**
	 * Deletes the stored bytes of a document and audits it.
	 * @param owner the record it belonged to
	 * @param fileId the stored file, may be null
	 * @param fileName its name, for the audit log
	 * @param actor who deletes
	 * @return completes when done
	 */
	public Mono<Void> delete(DocumentOwner owner, String fileId, String fileName, Actor actor) {
		if (fileId == null || !ObjectId.isValid(fileId)) {
			return Mono.empty();
		}
		return this.files.deleteById(new ObjectId(fileId))
			.then(this.audit.record(owner.eventId(), "delete", owner.resourceType(), owner.resourceId(), fileId,
					fileName, actor));
	}

	/**
	 * Deletes every stored document of a deleted event, each audited as deleted by the
	 * system.
	 * @param eventId the conference
	 * @return completes when done
	 */
	public Mono<Void> deleteEvent(String eventId) {
		Actor actor = Actor.system("event-deleted");
		return this.files.findOfEvent(eventId)
			.concatMap((file) -> this.files.deleteById(file.getObjectId())
				.then(this.audit.record(eventId, "delete", file.getMetadata().getString("resourceType"),
						file.getMetadata().getString("resourceId"), file.getObjectId().toHexString(),
						file.getFilename(), actor)))
			.then();
	}

}
