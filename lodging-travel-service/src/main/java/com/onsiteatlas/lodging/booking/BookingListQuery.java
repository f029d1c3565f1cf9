package com.onsiteatlas.lodging.booking;

import com.onsiteatlas.support.web.ApiException;

/**
 * The query string of the booking list, bound by name
 * ({@code ?status=confirmed&flagged=true&sortBy=checkIn:desc}), as sent; the paging
 * parameters are bound by the controller's {@code @Paging}.
 *
 * @param status booking status
 * @param hotelId hotel
 * @param roomType room type
 * @param checkInFrom earliest check-in
 * @param checkInTo latest check-in
 * @param search name, e-mail or registration id
 * @param registration registration {@code _id}
 * @param flagged {@code true} for only bookings with flags
 */
record BookingListQuery(String status, String hotelId, String roomType, String checkInFrom, String checkInTo,
		String search, String registration, String flagged) {

	/**
	 * The filters asked for.
	 * @return the filters; a 400 when {@code flagged} is neither true nor false
	 */
	BookingFilter filter() {
		return new BookingFilter(blank(this.status), blank(this.hotelId), blank(this.roomType), this.checkInFrom,
				this.checkInTo, blank(this.search), blank(this.registration), flag(this.flagged));
	}

	private static String blank(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static Boolean flag(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!value.equals("true") && !value.equals("false")) {
			throw ApiException.badRequest("'flagged' must be true or false");
		}
		return Boolean.valueOf(value);
	}

}
