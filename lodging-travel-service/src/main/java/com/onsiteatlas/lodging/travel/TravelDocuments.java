package com.onsiteatlas.lodging.travel;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.bson.types.ObjectId;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import com.onsiteatlas.domainevents.lodging.TravelDocumentDeleted;
import com.onsiteatlas.domainevents.lodging.TravelDocumentUploaded;
import com.onsiteatlas.lodging.audit.Actor;
import com.onsiteatlas.lodging.document.DocumentOwner;
import com.onsiteatlas.lodging.document.DocumentStore;
import com.onsiteatlas.lodging.document.Download;
import com.onsiteatlas.lodging.document.IncomingUpload;
import com.onsiteatlas.lodging.document.StoredDocument;
import com.onsiteatlas.lodging.registrant.Viewer;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * The documents of an itinerary (tickets, visas, passports): stored first (encrypted, as
 * every document), then recorded on the itinerary; the stored file is deleted again when
 * that write fails. A removed document's file is deleted after the write.
 */
@Service
class TravelDocuments {

	static final String RESOURCE = "travel-document";

	/** Writes of an uploaded document tried before its upload fails with a 409. */
	private static final int ADD_ATTEMPTS = 6;

	static final Set<String> TYPES = Set.of("flight-ticket", "visa", "passport", "other");

	private final TravelQueries queries;

	private final TravelWriter writer;

	private final DocumentStore documents;

	TravelDocuments(TravelQueries queries, TravelWriter writer, DocumentStore documents) {
		this.queries = queries;
		this.writer = writer;
		this.documents = documents;
	}

	/**
	 * Stores an uploaded document on an itinerary the caller may see.
	 * @param eventId the conference
	 * @param id the itinerary id
	 * @param viewer the caller
	 * @param upload the multipart upload, read once admitted: {@code file}, {@code type},
	 * optional {@code name} and {@code description}
	 * @param actor the caller for the document audit
	 * @return the recorded document; 429 past the upload bound, 409 or 413 past a quota
	 */
	Mono<TravelInfo.TravelDocument> upload(String eventId, String id, Viewer viewer, IncomingUpload upload,
			Actor actor) {
		return this.queries.get(eventId, id, viewer)
			.flatMap((old) -> this.documents.receive(owner(old), viewer.userId(), upload, (form) -> {
				String type = form.field("type");
				if (type == null || !TYPES.contains(type)) {
					return Mono
						.error(ApiException.badRequest("'type' must be one of flight-ticket, visa, passport, other"));
				}
				String name = form.field("name");
				String description = form.field("description");
				if ((name != null && name.length() > 200) || (description != null && description.length() > 2000)) {
					return Mono.error(ApiException.badRequest("'name' or 'description' is too long"));
				}
				return this.documents.store(owner(old), form.file(), actor).flatMap((stored) -> {
					TravelInfo.TravelDocument document = document(old, stored, type, name, description,
							viewer.userId());
					return add(old, document, viewer)
						.onErrorResume(
								(ex) -> this.documents.delete(owner(old), stored.fileId(), stored.fileName(), actor)
									.then(Mono.error(ex)))
						.thenReturn(document);
				});
			}));
	}

	private TravelInfo.TravelDocument document(TravelInfo travel, StoredDocument stored, String type, String name,
			String description, String uploadedBy) {
		String documentId = new ObjectId().toHexString();
		return new TravelInfo.TravelDocument(documentId, type, (name != null) ? name : stored.fileName(), description,
				stored.fileName(),
				"/api/events/" + travel.event() + "/travel-info/" + travel.id() + "/documents/" + documentId
						+ "/download",
				stored.contentType(), stored.size(), stored.encrypted(), this.writer.now(), uploadedBy,
				stored.fileId());
	}

	/**
	 * Records a stored document on its itinerary. Adding a document does not depend on
	 * the rest of the itinerary, so when another change (often another upload) came
	 * first, the itinerary is read again and the document added to it, a few times at
	 * most.
	 */
	private Mono<TravelInfo> add(TravelInfo read, TravelInfo.TravelDocument document, Viewer viewer) {
		Mono<TravelInfo> again = Mono.defer(() -> this.queries.get(read.event(), read.id(), viewer)
			.flatMap((fresh) -> addTo(fresh, document, viewer.userId())));
		return addTo(read, document, viewer.userId()).onErrorResume(TravelDocuments::isConflict,
				(ex) -> again.retryWhen(Retry.max(ADD_ATTEMPTS - 2).filter(TravelDocuments::isConflict))
					.onErrorMap(Exceptions::isRetryExhausted, Throwable::getCause));
	}

	private Mono<TravelInfo> addTo(TravelInfo old, TravelInfo.TravelDocument document, String actor) {
		Instant now = this.writer.now();
		return this.writer.write(old, new TravelChange.DocumentAdded(document, now),
				(context) -> new TravelDocumentUploaded(context.conference(), context.registration(), old.id(),
						TravelEvents.reference(document), now, actor));
	}

	private static boolean isConflict(Throwable ex) {
		return ex instanceof ApiException api && api.getStatus() == HttpStatus.CONFLICT;
	}

	/**
	 * Opens a document of an itinerary the caller may see, audited.
	 * @param eventId the conference
	 * @param id the itinerary id
	 * @param documentId the document id
	 * @param viewer the caller
	 * @param actor the caller for the document audit
	 * @return the download, or a 404
	 */
	Mono<Download> open(String eventId, String id, String documentId, Viewer viewer, Actor actor) {
		return this.queries.get(eventId, id, viewer)
			.flatMap((travel) -> find(travel, documentId)
				.flatMap((document) -> this.documents.open(owner(travel), document.storedFileId(), actor)));
	}

	/**
	 * Removes a document from an itinerary the caller may see, then its stored file.
	 * @param eventId the conference
	 * @param id the itinerary id
	 * @param documentId the document id
	 * @param viewer the caller
	 * @param actor the caller for the document audit
	 * @return the itinerary as saved
	 */
	Mono<TravelInfo> remove(String eventId, String id, String documentId, Viewer viewer, Actor actor) {
		return this.queries.get(eventId, id, viewer).flatMap((old) -> find(old, documentId).flatMap((document) -> {
			Instant now = this.writer.now();
			return this.writer
				.write(old, new TravelChange.DocumentRemoved(document.id(), now),
						(context) -> new TravelDocumentDeleted(context.conference(), context.registration(), old.id(),
								TravelEvents.reference(document), now, viewer.userId()))
				.flatMap((saved) -> this.documents
					.delete(owner(old), document.storedFileId(), document.fileName(), actor)
					.thenReturn(saved));
		}));
	}

	/**
	 * Deletes the stored files of every document of a removed itinerary.
	 * @param travel the itinerary as it was
	 * @param actor the caller for the document audit
	 * @return completes when done
	 */
	Mono<Void> discardAll(TravelInfo travel, Actor actor) {
		return Flux.fromIterable((travel.documents() != null) ? travel.documents() : List.of())
			.concatMap((document) -> this.documents.delete(owner(travel), document.storedFileId(), document.fileName(),
					actor))
			.then();
	}

	private static Mono<TravelInfo.TravelDocument> find(TravelInfo travel, String documentId) {
		ObjectIds.require(documentId, "document id");
		return Mono.justOrEmpty(travel.document(documentId))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Document not found")));
	}

	private static DocumentOwner owner(TravelInfo travel) {
		return new DocumentOwner(travel.event(), RESOURCE, travel.id(), travel.registration());
	}

}
