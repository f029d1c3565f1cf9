package com.onsiteatlas.lodging.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import com.onsiteatlas.lodging.audit.Actor;
import com.onsiteatlas.lodging.registrant.Registrants;
import com.onsiteatlas.lodging.registrant.Viewer;
import com.onsiteatlas.support.web.ApiException;

/**
 * Creates, changes and deletes hotel bookings: decides what a request may change, then
 * hands the change to the writer (or, for a confirmed booking's dates and room, to the
 * room-block holds). Status changes are {@link BookingStatusChanges}.
 */
@Service
class BookingService {

	private final BookingQueries queries;

	private final Registrants registrants;

	private final BookedHotels hotels;

	private final Stays stays;

	private final BookingWriter writer;

	private final RoomBlockHolds holds;

	private final BookingConfirmations confirmations;

	BookingService(BookingQueries queries, Registrants registrants, BookedHotels hotels, Stays stays,
			BookingWriter writer, RoomBlockHolds holds, BookingConfirmations confirmations) {
		this.queries = queries;
		this.registrants = registrants;
		this.hotels = hotels;
		this.stays = stays;
		this.writer = writer;
		this.holds = holds;
		this.confirmations = confirmations;
	}

	Mono<HotelBooking> create(String eventId, Viewer viewer, BookingRequest request) {
		if (viewer.isRegistrant()) {
			return Mono.error(ApiException
				.forbidden("Registrants cannot create hotel bookings; the organisers book rooms for you"));
		}
		if (request.bookingStatus() != null && !BookingStatus.PENDING.value().equals(request.bookingStatus())) {
			return Mono.error(ApiException
				.badRequest("A booking starts as 'pending'; confirm it with PATCH /hotel-bookings/{id}/status"));
		}
		if (request.checkIn() == null || request.checkIn().date() == null || request.checkOut() == null
				|| request.checkOut().date() == null) {
			return Mono.error(ApiException.badRequest("checkIn.date and checkOut.date are required"));
		}
		return this.registrants.require(eventId, request.registration()).flatMap((registration) -> {
			if ("cancelled".equals(registration.status())) {
				return Mono.error(ApiException.conflict("Registration " + registration.registrationId()
						+ " is cancelled; it cannot get a hotel booking"));
			}
			return this.hotels.of(eventId, request)
				.flatMap((hotel) -> this.stays.check(eventId, request.checkIn(), request.checkOut()).flatMap((stay) -> {
					Instant now = this.writer.now();
					HotelBooking booking = HotelBooking.builder()
						.id(new ObjectId().toHexString())
						.event(eventId)
						.registration(registration.id())
						.registrationId(registration.registrationId())
						.guest(registration.personalInfo())
						.hotel(hotel.hotel())
						.roomType(hotel.roomType())
						.roomNumber(request.roomNumber())
						.checkIn(new HotelBooking.CheckIn(stay.checkIn(), stay.checkInTime(), false, null))
						.checkOut(new HotelBooking.CheckOut(stay.checkOut(), stay.checkOutTime(), false, null))
						.nights(stay.nights())
						.bookingReference(request.bookingReference())
						.bookingStatus(BookingStatus.PENDING)
						.specialRequests(request.specialRequests())
						.notes(request.notes())
						.flags(List.of())
						.createdBy(viewer.userId())
						.createdAt(now)
						.updatedAt(now)
						.searchText(HotelBooking.searchText(registration.personalInfo(), registration.registrationId()))
						.build();
					return this.writer.insert(booking, registration);
				}));
		});
	}

	Mono<HotelBooking> update(String eventId, String id, Viewer viewer, BookingRequest request) {
		return this.queries.require(eventId, id, viewer)
			.flatMap((old) -> viewer.isRegistrant() ? updateAsRegistrant(old, viewer, request)
					: updateAsStaff(eventId, old, viewer, request));
	}

	/**
	 * A registrant may change only the special requests of its booking, and only while
	 * the stay is not over or cancelled.
	 */
	private Mono<HotelBooking> updateAsRegistrant(HotelBooking old, Viewer viewer, BookingRequest request) {
		if (!request.onlySpecialRequests()) {
			return Mono.error(
					ApiException.forbidden("As a registrant you may only change the specialRequests of your booking"));
		}
		if (request.specialRequests() == null) {
			return Mono.just(BookingAccess.forViewer(old, viewer));
		}
		if (!old.bookingStatus().acceptsRequests()) {
			return Mono.error(ApiException
				.conflict("This booking is " + old.bookingStatus().value() + "; requests can no longer be changed"));
		}
		HotelBooking after = old.toBuilder().specialRequests(request.specialRequests()).build();
		return this.writer.update(old, after, List.of("specialRequests"), viewer.userId())
			.map((saved) -> BookingAccess.forViewer(saved, viewer));
	}

	private Mono<HotelBooking> updateAsStaff(String eventId, HotelBooking old, Viewer viewer, BookingRequest request) {
		if (request.registration() != null && !request.registration().equalsIgnoreCase(old.registration())) {
			return Mono.error(ApiException.badRequest("The registration of a booking cannot change"));
		}
		if (request.bookingStatus() != null && !request.bookingStatus().equals(old.bookingStatus().value())) {
			return Mono.error(
					ApiException.badRequest("Change the status with PATCH /hotel-bookings/{id}/status, not with PUT"));
		}
		Mono<BookedHotels.Choice> hotel = this.hotels.ofChange(eventId, old, request);
		BookingRequest.Stay checkIn = merge(request.checkIn(), old.checkIn().date(), old.checkIn().time());
		BookingRequest.Stay checkOut = merge(request.checkOut(), old.checkOut().date(), old.checkOut().time());
		return hotel.flatMap((choice) -> this.stays.check(eventId, checkIn, checkOut).flatMap((stay) -> {
			HotelBooking after = old.toBuilder()
				.hotel(choice.hotel())
				.roomType(choice.roomType())
				.roomNumber(pick(request.roomNumber(), old.roomNumber()))
				.checkIn(new HotelBooking.CheckIn(stay.checkIn(), stay.checkInTime(), old.checkIn().isCheckedIn(),
						old.checkIn().checkedInAt()))
				.checkOut(new HotelBooking.CheckOut(stay.checkOut(), stay.checkOutTime(), old.checkOut().isCheckedOut(),
						old.checkOut().checkedOutAt()))
				.nights(stay.nights())
				.bookingReference(pick(request.bookingReference(), old.bookingReference()))
				.specialRequests(pick(request.specialRequests(), old.specialRequests()))
				.notes(pick(request.notes(), old.notes()))
				.build();
			List<String> changed = changedFields(old, after);
			boolean roomOrDates = changed.contains("hotel") || changed.contains("roomType")
					|| changed.contains("checkIn") || changed.contains("checkOut");
			if (roomOrDates && !old.bookingStatus().allowsRoomAndDateChanges()) {
				return Mono.<HotelBooking>error(ApiException
					.conflict("The dates and room of a " + old.bookingStatus().value() + " booking cannot change"));
			}
			if (changed.isEmpty()) {
				return Mono.just(old);
			}
			if (roomOrDates && old.bookingStatus() == BookingStatus.CONFIRMED) {
				return this.holds.move(old, after, changed, viewer.userId());
			}
			return this.writer.update(old, after, changed, viewer.userId());
		}));
	}

	/**
	 * Deletes a booking, gives back its nights and deletes its confirmation file.
	 * @param eventId the conference
	 * @param id the booking id
	 * @param viewer the caller
	 * @param actor the caller for the document audit
	 * @return the removed booking
	 */
	Mono<HotelBooking> delete(String eventId, String id, Viewer viewer, Actor actor) {
		return this.queries.require(eventId, id, viewer)
			.flatMap(this.writer::remove)
			.flatMap((removed) -> this.holds.release(removed)
				.then(this.confirmations.discard(removed, actor))
				.thenReturn(removed));
	}

	private static List<String> changedFields(HotelBooking old, HotelBooking after) {
		List<String> changed = new ArrayList<>();
		note(changed, "hotel", old.hotel(), after.hotel());
		note(changed, "roomType", old.roomType(), after.roomType());
		note(changed, "roomNumber", old.roomNumber(), after.roomNumber());
		note(changed, "checkIn", old.checkIn().date(), after.checkIn().date());
		note(changed, "checkIn.time", old.checkIn().time(), after.checkIn().time());
		note(changed, "checkOut", old.checkOut().date(), after.checkOut().date());
		note(changed, "checkOut.time", old.checkOut().time(), after.checkOut().time());
		note(changed, "bookingReference", old.bookingReference(), after.bookingReference());
		note(changed, "specialRequests", old.specialRequests(), after.specialRequests());
		note(changed, "notes", old.notes(), after.notes());
		return changed;
	}

	private static void note(List<String> changed, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changed.add(field);
		}
	}

	private static BookingRequest.Stay merge(BookingRequest.Stay given, Instant date, String time) {
		if (given == null) {
			return new BookingRequest.Stay(date.toString(), time);
		}
		return new BookingRequest.Stay((given.date() != null) ? given.date() : date.toString(),
				(given.time() != null) ? given.time() : time);
	}

	private static <T> T pick(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
