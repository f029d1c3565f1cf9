package com.onsiteatlas.lodging.booking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.PersonalInfo;
import com.onsiteatlas.domainevents.RegistrationSnapshot;
import com.onsiteatlas.domainevents.lodging.HotelBookingCancelled;
import com.onsiteatlas.domainevents.lodging.HotelBookingCreated;
import com.onsiteatlas.domainevents.lodging.HotelBookingSnapshot;
import com.onsiteatlas.domainevents.lodging.HotelBookingStatusChanged;
import com.onsiteatlas.domainevents.lodging.HotelBookingUpdated;
import com.onsiteatlas.domainevents.lodging.HotelRef;

/**
 * The domain events a booking change carries: created; status changed (and cancelled);
 * updated with the names of the changed fields.
 */
final class BookingEvents {

	private BookingEvents() {
	}

	static HotelBookingCreated created(Context context, HotelBooking booking) {
		return new HotelBookingCreated(context.conference(), context.registration(), snapshot(booking),
				booking.createdAt(), booking.createdBy());
	}

	/**
	 * The events of a change, in the order consumers expect them.
	 * @param context the conference and registration
	 * @param before the booking as read
	 * @param after the booking as it will be stored
	 * @param changed the changed fields, empty for a status change alone
	 * @param at when
	 * @param actor who
	 * @param cancelReason why, for a cancellation
	 * @return status changed and cancelled when the status moves, then updated when
	 * fields changed
	 */
	static List<DomainEventPayload> ofChange(Context context, HotelBooking before, HotelBooking after,
			List<String> changed, Instant at, String actor, String cancelReason) {
		HotelBookingSnapshot snapshot = snapshot(after);
		List<DomainEventPayload> events = new ArrayList<>();
		if (before.bookingStatus() != after.bookingStatus()) {
			events.add(new HotelBookingStatusChanged(context.conference(), context.registration(), snapshot,
					before.bookingStatus().value(), after.bookingStatus().value(), at, actor));
			if (after.bookingStatus() == BookingStatus.CANCELLED) {
				events.add(new HotelBookingCancelled(context.conference(), context.registration(), snapshot,
						cancelReason, at, actor));
			}
		}
		if (!changed.isEmpty()) {
			events.add(new HotelBookingUpdated(context.conference(), context.registration(), snapshot, changed, at,
					actor));
		}
		return events;
	}

	static HotelBookingSnapshot snapshot(HotelBooking booking) {
		HotelBooking.Hotel hotel = booking.hotel();
		return new HotelBookingSnapshot(booking.id(),
				new HotelRef(hotel.hotelId(), hotel.name(), hotel.address(), hotel.contactInfo()), booking.roomType(),
				booking.roomNumber(), booking.checkIn().date(), booking.checkOut().date(), booking.nights(),
				booking.bookingReference(), booking.bookingStatus().value(), booking.specialRequests());
	}

	/**
	 * The registration as the booking remembers it, for when the projection no longer
	 * knows it.
	 * @param booking the booking
	 * @return the snapshot
	 */
	static RegistrationSnapshot remembered(HotelBooking booking) {
		PersonalInfo guest = (booking.guest() != null) ? booking.guest()
				: new PersonalInfo("", "", null, null, null, null, null);
		return new RegistrationSnapshot(booking.registration(),
				(booking.registrationId() != null) ? booking.registrationId() : booking.registration(), guest, null,
				"active", null, null, null, null, Map.of());
	}

	/**
	 * Who and where an event is about.
	 *
	 * @param conference the conference
	 * @param registration the registration
	 */
	record Context(ConferenceRef conference, RegistrationSnapshot registration) {
	}

}
