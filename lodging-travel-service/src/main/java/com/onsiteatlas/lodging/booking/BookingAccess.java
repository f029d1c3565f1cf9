package com.onsiteatlas.lodging.booking;

import com.onsiteatlas.lodging.registrant.Viewer;

/**
 * Who may see which booking, and how much of it: staff see every booking of their event
 * in full; a registrant sees only its own, without the staff fields.
 */
final class BookingAccess {

	private BookingAccess() {
	}

	/**
	 * Whether the caller may see a booking at all (else it is a 404 for them).
	 * @param booking the booking
	 * @param eventId the event of the request
	 * @param viewer the caller
	 * @return true when the booking belongs to the event and, for a registrant, to it
	 */
	static boolean mayRead(HotelBooking booking, String eventId, Viewer viewer) {
		return eventId.equals(booking.event()) && viewer.mayAccess(booking.registration());
	}

	/**
	 * The booking as the caller may see it.
	 * @param booking the booking
	 * @param viewer the caller
	 * @return the booking, without notes, flags, hold and creator for a registrant
	 */
	static HotelBooking forViewer(HotelBooking booking, Viewer viewer) {
		return viewer.isRegistrant() ? booking.withoutStaffFields() : booking;
	}

}
