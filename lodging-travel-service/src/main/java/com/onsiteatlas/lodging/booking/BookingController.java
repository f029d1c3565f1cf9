package com.onsiteatlas.lodging.booking;

import java.util.List;

import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import com.onsiteatlas.lodging.audit.Actor;
import com.onsiteatlas.lodging.document.Downloads;
import com.onsiteatlas.lodging.document.IncomingUpload;
import com.onsiteatlas.lodging.registrant.Registrants;
import com.onsiteatlas.lodging.registrant.Viewer;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.security.AtlasPrincipal;
import com.onsiteatlas.support.security.OrganisersOnly;
import com.onsiteatlas.support.security.StaffOrRegistrant;
import com.onsiteatlas.support.web.ApiResponse;
import com.onsiteatlas.support.web.Paging;

/**
 * The spec's hotel booking routes. Staff work on every booking of the event (delete needs
 * admin or manager); a registrant reads its own booking and may change only its special
 * requests.
 */
@RestController
@RequestMapping("/api/events/{eventId}/hotel-bookings")
class BookingController {

	private final BookingQueries queries;

	private final BookingService bookings;

	private final BookingStatusChanges statuses;

	private final BookingConfirmations confirmations;

	private final Registrants registrants;

	BookingController(BookingQueries queries, BookingService bookings, BookingStatusChanges statuses,
			BookingConfirmations confirmations, Registrants registrants) {
		this.queries = queries;
		this.bookings = bookings;
		this.statuses = statuses;
		this.confirmations = confirmations;
		this.registrants = registrants;
	}

	@GetMapping
	@StaffOrRegistrant
	Mono<ApiResponse<List<HotelBooking>>> list(@PathVariable String eventId,
			@AuthenticationPrincipal AtlasPrincipal principal,
			@Paging(sortable = { "createdAt", "updatedAt", "checkIn=checkIn.date", "checkOut=checkOut.date",
					"bookingStatus", "registrationId", "lastName=guest.lastName", "hotel=hotel.name", "roomType" },
					defaultSort = "createdAt:desc") PageQuery page,
			BookingListQuery query) {
		return this.queries.list(eventId, viewer(principal, eventId), page, query.filter())
			.map((paged) -> ApiResponse.page("Hotel bookings retrieved", paged));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@StaffOrRegistrant
	Mono<ApiResponse<HotelBooking>> create(@PathVariable String eventId, @Valid @RequestBody BookingRequest request,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		return this.bookings.create(eventId, viewer(principal, eventId), request)
			.map((booking) -> ApiResponse.ok("Hotel booking created", booking));
	}

	@GetMapping("/registration/{registrationId}")
	@StaffOrRegistrant
	Mono<ApiResponse<HotelBooking>> byRegistration(@PathVariable String eventId, @PathVariable String registrationId,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		return this.queries.byRegistration(eventId, viewer(principal, eventId), registrationId).map(ApiResponse::ok);
	}

	@GetMapping("/{id}")
	@StaffOrRegistrant
	Mono<ApiResponse<HotelBooking>> get(@PathVariable String eventId, @PathVariable String id,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		return this.queries.get(eventId, id, viewer(principal, eventId)).map(ApiResponse::ok);
	}

	@PutMapping("/{id}")
	@StaffOrRegistrant
	Mono<ApiResponse<HotelBooking>> update(@PathVariable String eventId, @PathVariable String id,
			@Valid @RequestBody BookingRequest request, @AuthenticationPrincipal AtlasPrincipal principal) {
		return this.bookings.update(eventId, id, viewer(principal, eventId), request)
			.map((booking) -> ApiResponse.ok("Hotel booking updated", booking));
	}

	@PatchMapping("/{id}/status")
	@StaffOrRegistrant
	Mono<ApiResponse<HotelBooking>> status(@PathVariable String eventId, @PathVariable String id,
			@Valid @RequestBody StatusRequest request, @AuthenticationPrincipal AtlasPrincipal principal) {
		return this.statuses.change(eventId, id, viewer(principal, eventId), request)
			.map((booking) -> ApiResponse.ok("Booking status updated", booking));
	}

	@DeleteMapping("/{id}")
	@OrganisersOnly
	Mono<ApiResponse<HotelBooking>> delete(@PathVariable String eventId, @PathVariable String id,
			@AuthenticationPrincipal AtlasPrincipal principal, ServerWebExchange exchange) {
		Viewer viewer = viewer(principal, eventId);
		return this.bookings.delete(eventId, id, viewer, Actor.of(principal, exchange.getRequest()))
			.map((removed) -> ApiResponse.ok("Hotel booking deleted", removed));
	}

	@PostMapping("/{id}/upload-confirmation")
	@StaffOrRegistrant
	Mono<ApiResponse<HotelBooking>> uploadConfirmation(@PathVariable String eventId, @PathVariable String id,
			@AuthenticationPrincipal AtlasPrincipal principal, ServerWebExchange exchange) {
		Viewer viewer = viewer(principal, eventId);
		return this.confirmations
			.upload(eventId, id, viewer, IncomingUpload.of(exchange), Actor.of(principal, exchange.getRequest()))
			.map((saved) -> ApiResponse.ok("Booking confirmation uploaded", saved));
	}

	@GetMapping("/{id}/confirmation")
	@StaffOrRegistrant
	Mono<ResponseEntity<Flux<DataBuffer>>> downloadConfirmation(@PathVariable String eventId, @PathVariable String id,
			@AuthenticationPrincipal AtlasPrincipal principal, ServerWebExchange exchange) {
		Viewer viewer = viewer(principal, eventId);
		return this.confirmations.open(eventId, id, viewer, Actor.of(principal, exchange.getRequest()))
			.map(Downloads::response);
	}

	private Viewer viewer(AtlasPrincipal principal, String eventId) {
		return this.registrants.viewer(principal, eventId);
	}

}
