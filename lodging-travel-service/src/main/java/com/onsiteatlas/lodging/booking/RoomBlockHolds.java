package com.onsiteatlas.lodging.booking;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.lodging.calendar.Dates;
import com.onsiteatlas.lodging.inventory.Block;
import com.onsiteatlas.lodging.inventory.InventoryService;

/**
 * The room-block nights a booking holds. Nights are always taken before the booking is
 * written (409 when the block is full) and given back when that write fails or loses a
 * race; nights no longer needed are given back after the write. {@link HoldRepair} cleans
 * up after a crash in between.
 */
@Component
class RoomBlockHolds {

	private final InventoryService inventory;

	private final BookingWriter writer;

	RoomBlockHolds(InventoryService inventory, BookingWriter writer) {
		this.inventory = inventory;
		this.writer = writer;
	}

	/**
	 * Confirms a booking, holding one room per night when its hotel and room type have a
	 * block; without a block it is confirmed without inventory.
	 * @param old the booking as read
	 * @param actor who
	 * @return the confirmed booking
	 */
	Mono<HotelBooking> confirm(HotelBooking old, String actor) {
		HotelBooking confirmed = old.withStatus(BookingStatus.CONFIRMED);
		return managedBlock(old).flatMap((block) -> {
			List<String> nights = nightsOf(old);
			HotelBooking held = confirmed
				.withRoomBlock(new HotelBooking.RoomBlockHold(block.hotelId(), block.roomType(), nights));
			return this.inventory.reserve(block, days(nights), old.id())
				.then(guarded(this.writer.changeStatus(old, held, actor, null),
						this.inventory.release(block, nights, old.id())));
		}).switchIfEmpty(Mono.defer(() -> this.writer.changeStatus(old, confirmed.withRoomBlock(null), actor, null)));
	}

	/**
	 * Stores a date or room change of a confirmed booking, moving its hold: takes the new
	 * nights first (409 when the block is full), writes, then gives back the nights no
	 * longer needed.
	 * @param old the booking as read
	 * @param after the booking with its new dates or room
	 * @param changed the changed fields
	 * @param actor who
	 * @return the booking as stored
	 */
	Mono<HotelBooking> move(HotelBooking old, HotelBooking after, List<String> changed, String actor) {
		HotelBooking.RoomBlockHold oldHold = old.roomBlock();
		return managedBlock(after).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap((newBlock) -> {
			List<String> newNights = nightsOf(after);
			boolean sameBlock = oldHold != null && newBlock.isPresent()
					&& oldHold.hotelId().equals(newBlock.get().hotelId())
					&& oldHold.roomType().equals(newBlock.get().roomType());
			List<String> toTake = newBlock.isEmpty() ? List.of()
					: newNights.stream().filter((night) -> !sameBlock || !oldHold.nights().contains(night)).toList();
			List<String> toRelease = (oldHold == null) ? List.of()
					: oldHold.nights().stream().filter((night) -> !sameBlock || !newNights.contains(night)).toList();
			HotelBooking held = after.withRoomBlock(newBlock
				.map((block) -> new HotelBooking.RoomBlockHold(block.hotelId(), block.roomType(), newNights))
				.orElse(null));
			Mono<Void> take = newBlock.map((block) -> this.inventory.reserve(block, days(toTake), old.id()))
				.orElse(Mono.empty());
			Mono<Void> undoTake = newBlock.map((block) -> this.inventory.release(block, toTake, old.id()))
				.orElse(Mono.empty());
			Mono<Void> giveBack = (oldHold != null) ? this.inventory.release(
					new Block(old.event(), oldHold.hotelId(), oldHold.roomType()), toRelease, old.id()) : Mono.empty();
			return take.then(guarded(this.writer.update(old, held, changed, actor), undoTake))
				.flatMap((saved) -> giveBack.thenReturn(saved));
		});
	}

	/**
	 * Gives back every night a booking holds; safe to repeat.
	 * @param booking the booking as it was before being cancelled or removed
	 * @return completes when done
	 */
	Mono<Void> release(HotelBooking booking) {
		HotelBooking.RoomBlockHold hold = booking.roomBlock();
		if (hold == null) {
			return Mono.empty();
		}
		return this.inventory.release(new Block(booking.event(), hold.hotelId(), hold.roomType()), hold.nights(),
				booking.id());
	}

	private Mono<Block> managedBlock(HotelBooking booking) {
		if (booking.hotel() == null || booking.hotel().hotelId() == null || booking.roomType() == null) {
			return Mono.empty();
		}
		Block block = new Block(booking.event(), booking.hotel().hotelId(), booking.roomType());
		return this.inventory.managed(block).filter(Boolean::booleanValue).map((managed) -> block);
	}

	private static List<String> nightsOf(HotelBooking booking) {
		return Dates.nights(booking.checkIn().date(), booking.checkOut().date())
			.stream()
			.map(LocalDate::toString)
			.toList();
	}

	private static List<LocalDate> days(List<String> nights) {
		return nights.stream().map(LocalDate::parse).toList();
	}

	/**
	 * A write that gives back what was taken for it when it fails or loses a race.
	 */
	private static Mono<HotelBooking> guarded(Mono<HotelBooking> write, Mono<Void> undo) {
		return write.onErrorResume((ex) -> undo.then(Mono.error(ex)));
	}

}
