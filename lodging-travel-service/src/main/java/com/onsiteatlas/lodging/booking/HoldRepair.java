package com.onsiteatlas.lodging.booking;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.lodging.inventory.Block;
import com.onsiteatlas.lodging.inventory.InventoryService;
import com.onsiteatlas.lodging.inventory.RoomNight;
import com.onsiteatlas.support.worker.PeriodicWork;
import com.onsiteatlas.support.worker.PeriodicWorker;

/**
 * Repairs room-block holds after a crash. The holders listed on each night are the truth;
 * a holder is orphaned when its booking is gone, does not hold rooms in its status, or
 * does not list that hotel, room type and night in {@code roomBlock}. That happens when
 * the process dies between taking nights and writing the booking, or between writing a
 * cancellation or date change and giving nights back. Nights touched within the grace
 * period are skipped so that a confirmation in flight is not undone.
 */
@Component
class HoldRepair implements PeriodicWork {

	private static final Logger logger = LoggerFactory.getLogger(HoldRepair.class);

	private static final Duration GRACE = Duration.ofMinutes(2);

	private final HotelBookingRepository bookings;

	private final InventoryService inventory;

	private final Clock clock;

	private final PeriodicWorker worker;

	HoldRepair(HotelBookingRepository bookings, InventoryService inventory, Clock clock) {
		this.bookings = bookings;
		this.inventory = inventory;
		this.clock = clock;
		this.worker = new PeriodicWorker("hold-repair",
				PeriodicWorker.Schedule.of(Duration.ofMinutes(1), Duration.ofMinutes(5)),
				() -> repair(GRACE).thenReturn(false));
	}

	@Override
	public PeriodicWorker worker() {
		return this.worker;
	}

	/**
	 * Gives back every orphaned room.
	 * @param grace skip nights changed within this period
	 * @return the number of rooms given back
	 */
	Mono<Long> repair(Duration grace) {
		return this.inventory.heldNightsUnchangedSince(this.clock.instant().minus(grace))
			.concatMap((night) -> Flux.fromIterable(night.holders())
				.concatMap((bookingId) -> this.bookings.findById(bookingId)
					.map((booking) -> holds(booking, night))
					.defaultIfEmpty(false)
					.filter((held) -> !held)
					.flatMap((orphan) -> {
						logger.warn("Giving back orphaned room of booking {} on {} ({} at hotel {})", bookingId,
								night.night(), night.roomType(), night.hotelId());
						return this.inventory
							.release(new Block(night.event(), night.hotelId(), night.roomType()),
									List.of(night.night()), bookingId)
							.thenReturn(1L);
					})))
			.count();
	}

	private static boolean holds(HotelBooking booking, RoomNight night) {
		HotelBooking.RoomBlockHold hold = booking.roomBlock();
		return booking.bookingStatus().holdsRooms() && hold != null && night.hotelId().equals(hold.hotelId())
				&& night.roomType().equals(hold.roomType()) && hold.nights().contains(night.night());
	}

}
