package com.onsiteatlas.lodging.booking;

import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.onsiteatlas.lodging.calendar.Dates;
import com.onsiteatlas.lodging.registrant.Registrants;
import com.onsiteatlas.lodging.registrant.Viewer;
import com.onsiteatlas.support.paging.MongoPaging;
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

	private final ReactiveMongoTemplate mongo;

	private final Registrants registrants;

	BookingQueries(ReactiveMongoTemplate mongo, Registrants registrants) {
		this.mongo = mongo;
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
		return this.mongo.findById(bookingId, HotelBooking.class)
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
		Criteria criteria = Criteria.where("event").is(eventId);
		if (viewer.isRegistrant()) {
			criteria.and("registration").is(viewer.registrationId());
		}
		else if (filter.registration() != null) {
			criteria.and("registration").is(ObjectIds.require(filter.registration(), "registration"));
		}
		if (filter.status() != null) {
			criteria.and("bookingStatus").is(BookingStatus.of(filter.status()).value());
		}
		if (filter.hotelId() != null) {
			criteria.and("hotel.hotelId").is(ObjectIds.require(filter.hotelId(), "hotelId"));
		}
		if (filter.roomType() != null) {
			criteria.and("roomType").regex("^" + Pattern.quote(filter.roomType().trim()) + "$", "i");
		}
		Instant from = Dates.parse(filter.checkInFrom(), "checkInFrom");
		Instant to = Dates.parse(filter.checkInTo(), "checkInTo");
		if (from != null || to != null) {
			Criteria date = Criteria.where("checkIn.date");
			if (from != null) {
				date.gte(from);
			}
			if (to != null) {
				date.lte(to);
			}
			criteria.andOperator(date);
		}
		if (filter.search() != null) {
			criteria.and("searchText").regex(Pattern.quote(filter.search().trim().toLowerCase(Locale.ROOT)));
		}
		if (Boolean.TRUE.equals(filter.flagged())) {
			criteria.and("flags.0").exists(true);
		}
		return MongoPaging.find(this.mongo, Query.query(criteria), HotelBooking.class, page)
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
			.flatMapMany(
					(id) -> this.mongo.find(Query.query(Criteria.where("event").is(eventId).and("registration").is(id))
						.with(Sort.by(Sort.Order.desc("createdAt"))), HotelBooking.class))
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
		return this.mongo.find(Query.query(Criteria.where("event")
			.is(eventId)
			.and("registration")
			.in(registrations)
			.and("bookingStatus")
			.ne(BookingStatus.CANCELLED.value())), HotelBooking.class);
	}

}
