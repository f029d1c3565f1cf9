package com.onsiteatlas.lodging.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BiFunction;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.lodging.registrant.Registrants;
import com.onsiteatlas.support.messaging.Outbox;
import com.onsiteatlas.support.messaging.OutboxMessage;
import com.onsiteatlas.readmodel.RegistrationView;
import com.onsiteatlas.support.web.ApiException;

/**
 * Stores booking changes. Every change is one conditional single-document write that
 * carries its domain events in the document's outbox (no transactions needed); a write
 * whose condition no longer holds is a 409.
 */
@Component
class BookingWriter {

	private final HotelBookingRepository bookings;

	private final Registrants registrants;

	private final Outbox outbox;

	private final Clock clock;

	BookingWriter(HotelBookingRepository bookings, Registrants registrants, Outbox outbox, Clock clock) {
		this.bookings = bookings;
		this.registrants = registrants;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Stores a new booking with its created event.
	 * @param booking the booking
	 * @param registration its registration
	 * @return the booking as stored
	 */
	Mono<HotelBooking> insert(HotelBooking booking, RegistrationView registration) {
		return this.registrants.conference(booking.event())
			.flatMap(
					(conference) -> this.outbox.entry(
							BookingEvents.created(
									new BookingEvents.Context(conference, Registrants.snapshot(registration)), booking),
							booking.event()))
			.flatMap((message) -> this.bookings.insert(booking.withOutbox(List.of(message))))
			.doOnSuccess((saved) -> this.outbox.nudge());
	}

	/**
	 * Stores changed fields, on condition that the booking is unchanged since it was
	 * read.
	 * @param before the booking as read
	 * @param after the booking as it should be
	 * @param changed the names of the changed fields
	 * @param actor who
	 * @return the booking as stored
	 */
	Mono<HotelBooking> update(HotelBooking before, HotelBooking after, List<String> changed, String actor) {
		return write(before, after, changed, actor, null,
				(stamped, messages) -> this.bookings.updateIfUnchanged(before, stamped, messages));
	}

	/**
	 * Stores a status change, on condition that the booking is still in the status read.
	 * @param before the booking as read
	 * @param after the booking in its new status
	 * @param actor who
	 * @param cancelReason why, for a cancellation
	 * @return the booking as stored
	 */
	Mono<HotelBooking> changeStatus(HotelBooking before, HotelBooking after, String actor, String cancelReason) {
		return write(before, after, List.of(), actor, cancelReason,
				(stamped, messages) -> this.bookings.updateIfStillInStatus(before, stamped, messages));
	}

	/**
	 * Removes a booking, on condition that it is unchanged since it was read.
	 * @param booking the booking as read
	 * @return the removed booking
	 */
	Mono<HotelBooking> remove(HotelBooking booking) {
		return this.bookings.removeIfUnchanged(booking)
			.switchIfEmpty(Mono.error(() -> ApiException.conflict("The booking changed meanwhile; reload it")));
	}

	private Mono<HotelBooking> write(HotelBooking before, HotelBooking after, List<String> changed, String actor,
			String cancelReason, BiFunction<HotelBooking, List<OutboxMessage>, Mono<HotelBooking>> store) {
		Instant now = now();
		HotelBooking stamped = after.toBuilder().updatedAt(now).outbox(null).build();
		return context(before)
			.flatMap((context) -> Flux
				.fromIterable(BookingEvents.ofChange(context, before, stamped, changed, now, actor, cancelReason))
				.concatMap((event) -> this.outbox.entry(event, before.event()))
				.collectList())
			.flatMap((messages) -> store.apply(stamped, messages))
			.switchIfEmpty(Mono.error(() -> ApiException
				.conflict("The booking was changed by someone else meanwhile; reload it and retry")))
			.doOnNext((saved) -> this.outbox.nudge());
	}

	private Mono<BookingEvents.Context> context(HotelBooking booking) {
		return Mono
			.zip(this.registrants.conference(booking.event()),
					this.registrants.find(booking.event(), booking.registration())
						.map(Registrants::snapshot)
						.defaultIfEmpty(BookingEvents.remembered(booking)))
			.map((tuple) -> new BookingEvents.Context(tuple.getT1(), tuple.getT2()));
	}

	/**
	 * The time of a change, to the millisecond MongoDB keeps.
	 * @return now
	 */
	Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
