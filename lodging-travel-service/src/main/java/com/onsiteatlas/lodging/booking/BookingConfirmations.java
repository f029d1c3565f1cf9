package com.onsiteatlas.lodging.booking;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import com.onsiteatlas.lodging.audit.Actor;
import com.onsiteatlas.lodging.document.DocumentOwner;
import com.onsiteatlas.lodging.document.DocumentStore;
import com.onsiteatlas.lodging.document.Download;
import com.onsiteatlas.lodging.document.IncomingUpload;
import com.onsiteatlas.lodging.document.StoredDocument;
import com.onsiteatlas.lodging.registrant.Viewer;
import com.onsiteatlas.support.web.ApiException;

/**
 * The booking confirmation document: stored first, then recorded on the booking; the
 * stored file is deleted again when that write fails, and the file it replaces once it
 * succeeds.
 */
@Service
class BookingConfirmations {

	static final String RESOURCE = "booking-confirmation";

	private final BookingQueries queries;

	private final BookingWriter writer;

	private final DocumentStore documents;

	BookingConfirmations(BookingQueries queries, BookingWriter writer, DocumentStore documents) {
		this.queries = queries;
		this.writer = writer;
		this.documents = documents;
	}

	/**
	 * Stores an uploaded confirmation on a booking; only the organisers upload.
	 * @param eventId the conference
	 * @param id the booking id
	 * @param viewer the caller
	 * @param upload the multipart upload, read only once the caller may upload and is
	 * admitted
	 * @param actor the caller for the document audit
	 * @return the booking as saved
	 */
	Mono<HotelBooking> upload(String eventId, String id, Viewer viewer, IncomingUpload upload, Actor actor) {
		return this.queries.require(eventId, id, viewer).flatMap((old) -> {
			if (viewer.isRegistrant()) {
				return Mono.error(ApiException.forbidden("Only the organisers upload booking confirmations"));
			}
			return this.documents
				.receive(owner(old), viewer.userId(), upload,
						(form) -> this.documents.store(owner(old), form.file(), actor)
							.flatMap((stored) -> attach(old, stored, viewer.userId()).onErrorResume(
									(ex) -> this.documents.delete(owner(old), stored.fileId(), stored.fileName(), actor)
										.then(Mono.error(ex)))))
				.flatMap((saved) -> discard(old, actor).thenReturn(saved));
		});
	}

	private Mono<HotelBooking> attach(HotelBooking old, StoredDocument stored, String actor) {
		HotelBooking.ConfirmationDocument document = new HotelBooking.ConfirmationDocument(stored.fileName(),
				"/api/events/" + old.event() + "/hotel-bookings/" + old.id() + "/confirmation", stored.contentType(),
				stored.size(), this.writer.now(), actor, stored.fileId());
		return this.writer.update(old, old.toBuilder().confirmationDocument(document).build(),
				List.of("confirmationDocument"), actor);
	}

	/**
	 * Opens the confirmation of a booking the caller may see, audited.
	 * @param eventId the conference
	 * @param id the booking id
	 * @param viewer the caller
	 * @param actor the caller for the document audit
	 * @return the download, or a 404 when there is none
	 */
	Mono<Download> open(String eventId, String id, Viewer viewer, Actor actor) {
		return this.queries.require(eventId, id, viewer)
			.filter((booking) -> booking.confirmationDocument() != null)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("This booking has no confirmation document")))
			.flatMap((booking) -> this.documents.open(owner(booking), booking.confirmationDocument().storedFileId(),
					actor));
	}

	/**
	 * Deletes the stored confirmation of a booking, if it has one.
	 * @param booking the booking as it was
	 * @param actor the caller for the document audit
	 * @return completes when done
	 */
	Mono<Void> discard(HotelBooking booking, Actor actor) {
		HotelBooking.ConfirmationDocument document = booking.confirmationDocument();
		return (document != null)
				? this.documents.delete(owner(booking), document.storedFileId(), document.fileName(), actor)
				: Mono.empty();
	}

	private static DocumentOwner owner(HotelBooking booking) {
		return new DocumentOwner(booking.event(), RESOURCE, booking.id(), booking.registration());
	}

}
