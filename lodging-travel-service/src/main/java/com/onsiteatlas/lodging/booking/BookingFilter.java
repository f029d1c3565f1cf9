package com.onsiteatlas.lodging.booking;

/**
 * Booking list filters; blank values are already null. The values are checked where the
 * query is built (a 400 naming the parameter).
 *
 * @param status booking status
 * @param hotelId hotel
 * @param roomType room type
 * @param checkInFrom earliest check-in
 * @param checkInTo latest check-in
 * @param search name, e-mail or registration id
 * @param registration registration {@code _id}, ignored for a registrant
 * @param flagged only bookings with flags
 */
record BookingFilter(String status, String hotelId, String roomType, String checkInFrom, String checkInTo,
		String search, String registration, Boolean flagged) {
}
