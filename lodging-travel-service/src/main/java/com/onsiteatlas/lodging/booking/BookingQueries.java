package com.onsiteatlas.lodging.booking;

import java.time.Instant;
import java.util.Collection;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import com.onsiteatlas.lodging.calendar.Dates;
import com.onsiteatlas.lodging.registrant.Registrants;
import com.onsiteatlas.lodging.registrant.Viewer;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * Reads hotel bookings within what the caller may see: one booking, a filtered page, the
 * current booking of a registration, and the active bookings other features compare with.
 */
@Service
public class BookingQueries {

	private final HotelBookingRepository bookings;

	private final Registrants registrants;

	BookingQueries(HotelBookingRepository bookings, Registrants registrants) {
		this.bookings = bookings;
		this.registrants = registrants;
	}

	/**
	 * A booking the viewer may see, in full, for a change; another registrant's booking
	 * is a 404.
	 * @param eventId the conference
	 * @param id the booking id
	 * @param viewer the caller
	 * @return the booking
	 */
	Mono<HotelBooking> require(String eventId, String id, Viewer viewer) {
		String bookingId = ObjectIds.require(id, "booking id");
		return this.bookings.findById(bookingId)
			.filter((booking) -> BookingAccess.mayRead(booking, eventId, viewer))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Hotel booking not found")));
	}

	/**
	 * A booking as the viewer may see it.
	 * @param eventId the conference
	 * @param id the booking id
	 * @param viewer the caller
	 * @return the booking or a 404
	 */
	Mono<HotelBooking> get(String eventId, String id, Viewer viewer) {
		return require(eventId, id, viewer).map((booking) -> BookingAccess.forViewer(booking, viewer));
	}

	Mono<Paged<HotelBooking>> list(String eventId, Viewer viewer, PageQuery page, BookingFilter filter) {
		String registration = null;
		if (viewer.isRegistrant()) {
			registration = viewer.registrationId();
		}
		else if (filter.registration() != null) {
			registration = ObjectIds.require(filter.registration(), "registration");
		}
		BookingStatus status = (filter.status() != null) ? BookingStatus.of(filter.status()) : null;
		String hotelId = (filter.hotelId() != null) ? ObjectIds.require(filter.hotelId(), "hotelId") : null;
		Instant from = Dates.parse(filter.checkInFrom(), "checkInFrom");
		Instant to = Dates.parse(filter.checkInTo(), "checkInTo");
		BookingSearch search = new BookingSearch(eventId, registration, status, hotelId, filter.roomType(), from, to,
				filter.search(), Boolean.TRUE.equals(filter.flagged()));
		return this.bookings.page(search, page)
			.map((paged) -> paged.map((booking) -> BookingAccess.forViewer(booking, viewer)));
	}

	/**
	 * The current booking of a registration: the newest one not cancelled, else the
	 * newest.
	 * @param eventId the conference
	 * @param viewer the caller
	 * @param registration the registration {@code _id} or human id
	 * @return the booking or a 404
	 */
	Mono<HotelBooking> byRegistration(String eventId, Viewer viewer, String registration) {
		return this.registrants.resolve(eventId, registration)
			.filter(viewer::mayAccess)
			.flatMapMany((id) -> this.bookings.findOfRegistrationNewestFirst(eventId, id))
			.collectList()
			.flatMap((bookings) -> Mono.justOrEmpty(bookings.stream()
				.filter((booking) -> booking.bookingStatus().isActive())
				.findFirst()
				.or(() -> bookings.stream().findFirst())))
			.map((booking) -> BookingAccess.forViewer(booking, viewer))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("No hotel booking for this registration")));
	}

	/**
	 * The bookings of some registrations that are not cancelled.
	 * @param eventId the conference
	 * @param registrations registration ids
	 * @return the bookings
	 */
	public Flux<HotelBooking> activeFor(String eventId, Collection<String> registrations) {
		return this.bookings.findActiveOf(eventId, registrations);
	}

}
