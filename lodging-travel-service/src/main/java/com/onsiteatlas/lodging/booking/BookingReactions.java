package com.onsiteatlas.lodging.booking;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import com.onsiteatlas.domainevents.RegistrationSnapshot;

/**
 * What bookings do when a registration or a conference changes elsewhere. Each reaction
 * is idempotent in effect, so a redelivered domain event changes nothing more.
 */
@Service
public class BookingReactions {

	static final String FLAG_REGISTRATION_CANCELLED = "registration-cancelled";

	private final HotelBookingRepository bookings;

	private final BookingWriter writer;

	BookingReactions(HotelBookingRepository bookings, BookingWriter writer) {
		this.bookings = bookings;
		this.writer = writer;
	}

	/**
	 * Flags the pending bookings of a cancelled registration for staff attention; they
	 * are not deleted, a person decides.
	 * @param eventId the conference
	 * @param registration the registration as the event carried it
	 * @return completes when every pending booking is flagged
	 */
	public Mono<Void> flagCancelledRegistration(String eventId, RegistrationSnapshot registration) {
		return this.bookings.findPendingWithoutFlag(eventId, registration.id(), FLAG_REGISTRATION_CANCELLED)
			.concatMap((old) -> {
				List<String> flags = new ArrayList<>((old.flags() != null) ? old.flags() : List.of());
				flags.add(FLAG_REGISTRATION_CANCELLED);
				return this.writer.update(old, old.toBuilder().flags(flags).build(), List.of("flags"), "system");
			})
			.then();
	}

	/**
	 * Refreshes the guest details kept on a registration's bookings.
	 * @param eventId the conference
	 * @param registration the registration as the event carried it
	 * @return completes when done
	 */
	public Mono<Void> refreshRegistration(String eventId, RegistrationSnapshot registration) {
		return this.bookings.refreshGuest(eventId, registration);
	}

	/**
	 * Deletes the bookings of a deleted event (their confirmations go with the event's
	 * stored files).
	 * @param eventId the conference
	 * @return number removed
	 */
	public Mono<Long> deleteEvent(String eventId) {
		return this.bookings.removeAllOfEvent(eventId);
	}

}
