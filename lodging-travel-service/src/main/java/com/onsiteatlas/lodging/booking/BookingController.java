package com.onsiteatlas.lodging.booking;

import java.util.List;

import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import com.onsiteatlas.lodging.audit.Actor;
import com.onsiteatlas.lodging.document.DocumentOwner;
import com.onsiteatlas.lodging.document.DocumentStore;
import com.onsiteatlas.lodging.document.Downloads;
import com.onsiteatlas.lodging.document.UploadForm;
import com.onsiteatlas.lodging.registrant.Registrants;
import com.onsiteatlas.lodging.registrant.Viewer;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.security.AtlasPrincipal;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ApiResponse;

/**
 * The spec's hotel booking routes. Staff work on every booking of the event (delete needs
 * admin or manager); a registrant reads its own booking and may change only its special
 * requests.
 */
@RestController
@RequestMapping("/api/events/{eventId}/hotel-bookings")
class BookingController {

	static final String CONFIRMATION = "booking-confirmation";

	private final BookingService bookings;

	private final Registrants registrants;

	private final DocumentStore documents;

	BookingController(BookingService bookings, Registrants registrants, DocumentStore documents) {
		this.bookings = bookings;
		this.registrants = registrants;
		this.documents = documents;
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('admin','manager','staff','registrant')")
	Mono<ApiResponse<List<HotelBooking>>> list(@PathVariable String eventId,
			@AuthenticationPrincipal AtlasPrincipal principal, @RequestParam(required = false) String page,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String sortBy,
			@RequestParam(required = false) String status, @RequestParam(required = false) String hotelId,
			@RequestParam(required = false) String roomType, @RequestParam(required = false) String checkInFrom,
			@RequestParam(required = false) String checkInTo, @RequestParam(required = false) String search,
			@RequestParam(required = false) String registration, @RequestParam(required = false) String flagged) {
		PageQuery query = PageQuery.parse(page, limit, sortBy, BookingService.SORTABLE,
				org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Order.desc("createdAt")));
		BookingService.BookingFilter filter = new BookingService.BookingFilter(blank(status), blank(hotelId),
				blank(roomType), checkInFrom, checkInTo, blank(search), blank(registration), bool(flagged));
		return this.bookings.list(eventId, viewer(principal, eventId), query, filter)
			.map((paged) -> paged.toResponse("Hotel bookings retrieved"));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('admin','manager','staff','registrant')")
	Mono<ApiResponse<HotelBooking>> create(@PathVariable String eventId, @Valid @RequestBody BookingRequest request,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		return this.bookings.create(eventId, viewer(principal, eventId), request)
			.map((booking) -> ApiResponse.ok("Hotel booking created", booking));
	}

	@GetMapping("/registration/{registrationId}")
	@PreAuthorize("hasAnyRole('admin','manager','staff','registrant')")
	Mono<ApiResponse<HotelBooking>> byRegistration(@PathVariable String eventId, @PathVariable String registrationId,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		return this.bookings.byRegistration(eventId, viewer(principal, eventId), registrationId).map(ApiResponse::ok);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('admin','manager','staff','registrant')")
	Mono<ApiResponse<HotelBooking>> get(@PathVariable String eventId, @PathVariable String id,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		Viewer viewer = viewer(principal, eventId);
		return this.bookings.get(eventId, id, viewer)
			.map((booking) -> ApiResponse.ok(BookingService.forViewer(booking, viewer)));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAnyRole('admin','manager','staff','registrant')")
	Mono<ApiResponse<HotelBooking>> update(@PathVariable String eventId, @PathVariable String id,
			@Valid @RequestBody BookingRequest request, @AuthenticationPrincipal AtlasPrincipal principal) {
		return this.bookings.update(eventId, id, viewer(principal, eventId), request)
			.map((booking) -> ApiResponse.ok("Hotel booking updated", booking));
	}

	@PatchMapping("/{id}/status")
	@PreAuthorize("hasAnyRole('admin','manager','staff','registrant')")
	Mono<ApiResponse<HotelBooking>> status(@PathVariable String eventId, @PathVariable String id,
			@Valid @RequestBody StatusRequest request, @AuthenticationPrincipal AtlasPrincipal principal) {
		return this.bookings.changeStatus(eventId, id, viewer(principal, eventId), request)
			.map((booking) -> ApiResponse.ok("Booking status updated", booking));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasAnyRole('admin','manager')")
	Mono<ApiResponse<HotelBooking>> delete(@PathVariable String eventId, @PathVariable String id,
			@AuthenticationPrincipal AtlasPrincipal principal, ServerWebExchange exchange) {
		Viewer viewer = viewer(principal, eventId);
		return this.bookings.delete(eventId, id, viewer).flatMap((removed) -> {
			HotelBooking.ConfirmationDocument document = removed.confirmationDocument();
			Mono<Void> files = (document != null) ? this.documents.delete(owner(removed), document.storedFileId(),
					document.fileName(), Actor.of(principal, exchange.getRequest())) : Mono.empty();
			return files.thenReturn(ApiResponse.ok("Hotel booking deleted", removed));
		});
	}

	@PostMapping("/{id}/upload-confirmation")
	@PreAuthorize("hasAnyRole('admin','manager','staff','registrant')")
	Mono<ApiResponse<HotelBooking>> uploadConfirmation(@PathVariable String eventId, @PathVariable String id,
			@AuthenticationPrincipal AtlasPrincipal principal, ServerWebExchange exchange) {
		Viewer viewer = viewer(principal, eventId);
		Actor actor = Actor.of(principal, exchange.getRequest());
		return this.bookings.get(eventId, id, viewer).flatMap((old) -> {
			if (viewer.isRegistrant()) {
				return Mono.error(ApiException.forbidden("Only the organisers upload booking confirmations"));
			}
			return UploadForm.read(exchange)
				.flatMap((form) -> this.documents.store(owner(old), form.file(), false, actor))
				.flatMap((stored) -> {
					HotelBooking.ConfirmationDocument document = new HotelBooking.ConfirmationDocument(
							stored.fileName(),
							"/api/events/" + eventId + "/hotel-bookings/" + old.id() + "/confirmation",
							stored.contentType(), stored.size(), BookingService.now(), viewer.userId(),
							stored.fileId());
					return this.bookings.attachConfirmation(old, document, viewer.userId())
						.onErrorResume(
								(ex) -> this.documents.delete(owner(old), stored.fileId(), stored.fileName(), actor)
									.then(Mono.error(ex)));
				})
				.flatMap((saved) -> {
					HotelBooking.ConfirmationDocument replaced = old.confirmationDocument();
					Mono<Void> cleanup = (replaced != null)
							? this.documents.delete(owner(old), replaced.storedFileId(), replaced.fileName(), actor)
							: Mono.empty();
					return cleanup.thenReturn(ApiResponse.ok("Booking confirmation uploaded", saved));
				});
		});
	}

	@GetMapping("/{id}/confirmation")
	@PreAuthorize("hasAnyRole('admin','manager','staff','registrant')")
	Mono<ResponseEntity<Flux<DataBuffer>>> downloadConfirmation(@PathVariable String eventId, @PathVariable String id,
			@AuthenticationPrincipal AtlasPrincipal principal, ServerWebExchange exchange) {
		return this.bookings.get(eventId, id, viewer(principal, eventId))
			.filter((booking) -> booking.confirmationDocument() != null)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("This booking has no confirmation document")))
			.flatMap((booking) -> this.documents.open(owner(booking), booking.confirmationDocument().storedFileId(),
					Actor.of(principal, exchange.getRequest())))
			.map(Downloads::response);
	}

	private Viewer viewer(AtlasPrincipal principal, String eventId) {
		return this.registrants.viewer(principal, eventId);
	}

	private static DocumentOwner owner(HotelBooking booking) {
		return new DocumentOwner(booking.event(), CONFIRMATION, booking.id(), booking.registration());
	}

	private static String blank(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static Boolean bool(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!value.equals("true") && !value.equals("false")) {
			throw ApiException.badRequest("'flagged' must be true or false");
		}
		return Boolean.valueOf(value);
	}

}
