package com.onsiteatlas.lodging.booking;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.onsiteatlas.domainevents.RegistrationSnapshot;
import com.onsiteatlas.support.messaging.Outbox;
import com.onsiteatlas.support.messaging.OutboxMessage;
import com.onsiteatlas.support.paging.MongoPaging;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;

/**
 * The MongoDB side of {@link HotelBookingRepositoryCustom}: the only booking class that
 * writes criteria and updates.
 */
class HotelBookingRepositoryImpl implements HotelBookingRepositoryCustom {

	private final ReactiveMongoTemplate mongo;

	HotelBookingRepositoryImpl(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<HotelBooking> updateIfUnchanged(HotelBooking before, HotelBooking after, List<OutboxMessage> messages) {
		return write(unchangedSinceRead(before), after, messages);
	}

	@Override
	public Mono<HotelBooking> updateIfStillInStatus(HotelBooking before, HotelBooking after,
			List<OutboxMessage> messages) {
		Criteria stillInStatus = Criteria.where("_id")
			.is(before.id())
			.and("bookingStatus")
			.is(before.bookingStatus().value());
		return this.mongo.findAndModify(Query.query(stillInStatus), Outbox.push(setAllButConfirmation(after), messages),
				FindAndModifyOptions.options().returnNew(true), HotelBooking.class);
	}

	@Override
	public Mono<Boolean> replaceConfirmationFile(String id, String oldFileId, String newFileId, Instant at) {
		return this.mongo
			.updateFirst(
					Query.query(Criteria.where("_id").is(id).and("confirmationDocument.storedFileId").is(oldFileId)),
					new Update().set("confirmationDocument.storedFileId", newFileId).set("updatedAt", at),
					HotelBooking.class)
			.map((result) -> result.getModifiedCount() == 1);
	}

	@Override
	public Mono<Boolean> namesConfirmationFile(String id, String fileId) {
		return this.mongo.exists(
				Query.query(Criteria.where("_id").is(id).and("confirmationDocument.storedFileId").is(fileId)),
				HotelBooking.class);
	}

	@Override
	public Mono<HotelBooking> removeIfUnchanged(HotelBooking booking) {
		return this.mongo.findAndRemove(Query.query(unchangedSinceRead(booking)), HotelBooking.class);
	}

	@Override
	public Mono<Paged<HotelBooking>> page(BookingSearch search, PageQuery page) {
		Criteria criteria = Criteria.where("event").is(search.eventId());
		if (search.registration() != null) {
			criteria.and("registration").is(search.registration());
		}
		if (search.status() != null) {
			criteria.and("bookingStatus").is(search.status().value());
		}
		if (search.hotelId() != null) {
			criteria.and("hotel.hotelId").is(search.hotelId());
		}
		if (search.roomType() != null) {
			criteria.and("roomType").regex("^" + Pattern.quote(search.roomType().trim()) + "$", "i");
		}
		if (search.checkInFrom() != null || search.checkInTo() != null) {
			Criteria date = Criteria.where("checkIn.date");
			if (search.checkInFrom() != null) {
				date.gte(search.checkInFrom());
			}
			if (search.checkInTo() != null) {
				date.lte(search.checkInTo());
			}
			criteria.andOperator(date);
		}
		if (search.search() != null) {
			criteria.and("searchText").regex(Pattern.quote(search.search().trim().toLowerCase(Locale.ROOT)));
		}
		if (search.flagged()) {
			criteria.and("flags.0").exists(true);
		}
		return MongoPaging.find(this.mongo, Query.query(criteria), HotelBooking.class, page);
	}

	@Override
	public Flux<HotelBooking> findOfRegistrationNewestFirst(String eventId, String registration) {
		return this.mongo.find(Query.query(Criteria.where("event").is(eventId).and("registration").is(registration))
			.with(Sort.by(Sort.Order.desc("createdAt"))), HotelBooking.class);
	}

	@Override
	public Flux<HotelBooking> findActiveOf(String eventId, Collection<String> registrations) {
		return this.mongo.find(Query.query(Criteria.where("event")
			.is(eventId)
			.and("registration")
			.in(registrations)
			.and("bookingStatus")
			.ne(BookingStatus.CANCELLED.value())), HotelBooking.class);
	}

	@Override
	public Flux<HotelBooking> findPendingWithoutFlag(String eventId, String registration, String flag) {
		return this.mongo.find(Query.query(Criteria.where("event")
			.is(eventId)
			.and("registration")
			.is(registration)
			.and("bookingStatus")
			.is(BookingStatus.PENDING.value())
			.and("flags")
			.ne(flag)), HotelBooking.class);
	}

	@Override
	public Mono<Void> refreshGuest(String eventId, RegistrationSnapshot registration) {
		return this.mongo
			.updateMulti(Query.query(Criteria.where("event").is(eventId).and("registration").is(registration.id())),
					new Update().set("guest", registration.personalInfo())
						.set("registrationId", registration.registrationId())
						.set("searchText",
								HotelBooking.searchText(registration.personalInfo(), registration.registrationId())),
					HotelBooking.class)
			.then();
	}

	@Override
	public Mono<Long> countActiveAtHotel(String eventId, String hotelId) {
		return this.mongo.count(Query.query(Criteria.where("event")
			.is(eventId)
			.and("hotel.hotelId")
			.is(hotelId)
			.and("bookingStatus")
			.ne(BookingStatus.CANCELLED.value())), HotelBooking.class);
	}

	@Override
	public Mono<Long> removeAllOfEvent(String eventId) {
		return this.mongo.remove(Query.query(Criteria.where("event").is(eventId)), HotelBooking.class)
			.map((result) -> result.getDeletedCount());
	}

	private Mono<HotelBooking> write(Criteria condition, HotelBooking after, List<OutboxMessage> messages) {
		return this.mongo.findAndModify(Query.query(condition), Outbox.push(setAll(after), messages),
				FindAndModifyOptions.options().returnNew(true), HotelBooking.class);
	}

	private static Update setAll(HotelBooking booking) {
		return setAllButConfirmation(booking).set("confirmationDocument", booking.confirmationDocument());
	}

	private static Update setAllButConfirmation(HotelBooking booking) {
		return new Update().set("registrationId", booking.registrationId())
			.set("guest", booking.guest())
			.set("hotel", booking.hotel())
			.set("roomType", booking.roomType())
			.set("roomNumber", booking.roomNumber())
			.set("checkIn", booking.checkIn())
			.set("checkOut", booking.checkOut())
			.set("nights", booking.nights())
			.set("bookingReference", booking.bookingReference())
			.set("bookingStatus", booking.bookingStatus().value())
			.set("specialRequests", booking.specialRequests())
			.set("notes", booking.notes())
			.set("flags", booking.flags())
			.set("roomBlock", booking.roomBlock())
			.set("updatedAt", booking.updatedAt())
			.set("searchText", booking.searchText());
	}

	private static Criteria unchangedSinceRead(HotelBooking booking) {
		return Criteria.where("_id").is(booking.id()).and("updatedAt").is(booking.updatedAt());
	}

}
