package com.onsiteatlas.lodging.booking;

import java.time.Instant;

/**
 * A checked booking list filter, as the repository matches it.
 *
 * @param eventId the conference
 * @param registration only this registration {@code _id}, may be null
 * @param status only this status, may be null
 * @param hotelId only this hotel, may be null
 * @param roomType only this room type (any case), may be null
 * @param checkInFrom check-in on or after, may be null
 * @param checkInTo check-in on or before, may be null
 * @param search text in the guest's name, e-mail or registration id, may be null
 * @param flagged only bookings with an attention flag
 */
record BookingSearch(String eventId, String registration, BookingStatus status, String hotelId, String roomType,
		Instant checkInFrom, Instant checkInTo, String search, boolean flagged) {
}
