package com.onsiteatlas.lodging.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import com.onsiteatlas.lodging.registrant.Registrants;
import com.onsiteatlas.lodging.registrant.Viewer;
import com.onsiteatlas.support.web.ApiException;

/**
 * Moves a booking through its life (the moves allowed are {@link BookingStatus}'s):
 * confirming holds room-block nights, cancelling gives them back, checking in and out
 * records when.
 */
@Service
class BookingStatusChanges {

	private final BookingQueries queries;

	private final Registrants registrants;

	private final RoomBlockHolds holds;

	private final BookingWriter writer;

	BookingStatusChanges(BookingQueries queries, Registrants registrants, RoomBlockHolds holds, BookingWriter writer) {
		this.queries = queries;
		this.registrants = registrants;
		this.holds = holds;
		this.writer = writer;
	}

	Mono<HotelBooking> change(String eventId, String id, Viewer viewer, StatusRequest request) {
		if (viewer.isRegistrant()) {
			return Mono.error(ApiException.forbidden("Registrants cannot change the status of a booking"));
		}
		BookingStatus status = BookingStatus.of(request.status());
		return this.queries.require(eventId, id, viewer).flatMap((old) -> {
			if (!old.bookingStatus().canBecome(status)) {
				List<String> allowed = old.bookingStatus().nextValues();
				return Mono.error(ApiException.conflict("A " + old.bookingStatus().value() + " booking cannot become "
						+ status.value() + (allowed.isEmpty() ? "" : "; allowed: " + String.join(", ", allowed))));
			}
			Instant now = this.writer.now();
			String actor = viewer.userId();
			return switch (status) {
				case CONFIRMED -> confirm(eventId, old, actor);
				case CANCELLED -> cancel(old, request.reason(), actor);
				case CHECKED_IN -> this.writer.changeStatus(old,
						old.toBuilder().bookingStatus(status).checkIn(old.checkIn().checkedIn(now)).build(), actor,
						null);
				default -> this.writer.changeStatus(old,
						old.toBuilder().bookingStatus(status).checkOut(old.checkOut().checkedOut(now)).build(), actor,
						null);
			};
		});
	}

	/**
	 * The booking of a registration cancelled meanwhile is not confirmed (409).
	 */
	private Mono<HotelBooking> confirm(String eventId, HotelBooking old, String actor) {
		return this.registrants.find(eventId, old.registration())
			.filter((registration) -> "cancelled".equals(registration.status()))
			.flatMap((registration) -> Mono.<HotelBooking>error(ApiException.conflict("Registration "
					+ registration.registrationId() + " is cancelled; its booking cannot be confirmed")))
			.switchIfEmpty(Mono.defer(() -> this.holds.confirm(old, actor)));
	}

	private Mono<HotelBooking> cancel(HotelBooking old, String reason, String actor) {
		HotelBooking after = old.toBuilder().bookingStatus(BookingStatus.CANCELLED).roomBlock(null).build();
		return this.writer.changeStatus(old, after, actor, (reason != null) ? reason : "cancelled")
			.flatMap((saved) -> this.holds.release(old).thenReturn(saved));
	}

}
