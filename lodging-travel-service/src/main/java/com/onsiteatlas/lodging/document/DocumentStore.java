package com.onsiteatlas.lodging.document;

import java.util.Base64;

import org.bson.Document;
import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Service;

import com.onsiteatlas.lodging.audit.Actor;
import com.onsiteatlas.lodging.audit.AuditTrail;
import com.onsiteatlas.support.web.ApiException;

/**
 * Keeps uploaded documents in this service's GridFS, every one encrypted at rest
 * (AES-256-GCM: passports and visas, tickets, booking confirmations alike), and audits
 * every upload, download and delete. Files stored in clear before that rule are still
 * served as they are.
 */
@Service
public class DocumentStore {

	private final StoredFileRepository files;

	private final AuditTrail audit;

	private final DocumentProperties properties;

	private final Encryption encryption;

	DocumentStore(StoredFileRepository files, AuditTrail audit, DocumentProperties properties) {
		this.files = files;
		this.audit = audit;
		this.properties = properties;
		this.encryption = new Encryption(properties.encryptionKey());
	}

	/**
	 * Checks and stores an upload.
	 * @param owner the record it belongs to
	 * @param file the uploaded file
	 * @param actor who uploads
	 * @return the stored document; 413 when too large, 415 when not PDF, JPEG or PNG
	 */
	public Mono<StoredDocument> store(DocumentOwner owner, FilePart file, Actor actor) {
		int max = (int) Math.min(Integer.MAX_VALUE - 8, this.properties.maxSize().toBytes());
		return DataBufferUtils.join(file.content(), max)
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> new ApiException(HttpStatus.PAYLOAD_TOO_LARGE,
							"The file is larger than the limit of " + humanSize(this.properties.maxSize().toBytes())))
			.map((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return bytes;
			})
			.switchIfEmpty(Mono.error(() -> ApiException.badRequest("The file is empty")))
			.flatMap((bytes) -> {
				if (bytes.length == 0) {
					return Mono.error(ApiException.badRequest("The file is empty"));
				}
				FileKind kind = FileKind.detect(bytes);
				if (kind == null) {
					return Mono.error(new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
							"Only PDF, JPEG and PNG files are accepted; this file's content is none of them"));
				}
				String name = FileNames.sanitise(file.filename(), kind);
				return save(owner, bytes, kind, name);
			})
			.flatMap((stored) -> this.audit
				.record(owner.eventId(), "upload", owner.resourceType(), owner.resourceId(), stored.fileId(),
						stored.fileName(), actor)
				.thenReturn(stored));
	}

	private Mono<StoredDocument> save(DocumentOwner owner, byte[] bytes, FileKind kind, String name) {
		Document metadata = new Document("eventId", owner.eventId()).append("resourceType", owner.resourceType())
			.append("resourceId", owner.resourceId())
			.append("registration", owner.registration())
			.append("contentType", kind.contentType())
			.append("size", (long) bytes.length)
			.append("encrypted", true);
		byte[] iv = this.encryption.newIv();
		metadata.append("iv", Base64.getEncoder().encodeToString(iv)).append("cipher", "AES-256-GCM");
		return Mono.fromCallable(() -> this.encryption.encrypt(bytes, iv, owner.associatedData()))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((content) -> this.files.store(content, name, kind.contentType(), metadata))
			.map((id) -> new StoredDocument(id.toHexString(), name, kind.contentType(), bytes.length, true));
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
				Mono<Flux<DataBuffer>> content = this.files.resource(file).map((resource) -> {
					Flux<DataBuffer> raw = resource.getDownloadStream();
					if (!Boolean.TRUE.equals(metadata.getBoolean("encrypted"))) {
						return raw;
					}
					byte[] iv = Base64.getDecoder().decode(metadata.getString("iv"));
					return DataBufferUtils.join(raw).map((buffer) -> {
						byte[] sealed = new byte[buffer.readableByteCount()];
						buffer.read(sealed);
						DataBufferUtils.release(buffer);
						return sealed;
					})
						.publishOn(Schedulers.boundedElastic())
						.map((sealed) -> (DataBuffer) DefaultDataBufferFactory.sharedInstance
							.wrap(this.encryption.decrypt(sealed, iv, owner.associatedData())))
						.flux();
				});
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

	private static String humanSize(long bytes) {
		if (bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + " MB";
		}
		if (bytes % 1024 == 0) {
			return (bytes / 1024) + " KB";
		}
		return bytes + " bytes";
	}

}
