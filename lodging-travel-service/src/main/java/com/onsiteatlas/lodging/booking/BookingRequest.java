package com.onsiteatlas.lodging.booking;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * The body of booking create and update; on update only the fields given change.
 *
 * @param registration the registration {@code _id} (create only)
 * @param hotelId one of the event's hotels, optional
 * @param hotel the hotel's name, address and contact (name required without hotelId)
 * @param roomType the room type (must exist at the hotel when hotelId is given)
 * @param roomNumber room number
 * @param checkIn check-in day and time
 * @param checkOut check-out day and time
 * @param bookingReference the hotel's reference
 * @param bookingStatus only {@code pending} on create; status changes use PATCH status
 * @param specialRequests the guest's requests
 * @param notes staff notes
 */
record BookingRequest(@Size(max = 24) String registration, @Size(max = 24) String hotelId, @Valid HotelDetails hotel,
		@Size(max = 100) String roomType, @Size(max = 20) String roomNumber, @Valid Stay checkIn, @Valid Stay checkOut,
		@Size(max = 100) String bookingReference, String bookingStatus, @Size(max = 2000) String specialRequests,
		@Size(max = 5000) String notes) {

	/**
	 * Hotel details for display.
	 *
	 * @param name name
	 * @param address address
	 * @param contactInfo contact
	 */
	record HotelDetails(@Size(max = 200) String name, @Size(max = 500) String address,
			@Size(max = 300) String contactInfo) {
	}

	/**
	 * A day and an expected time.
	 *
	 * @param date {@code YYYY-MM-DD} or ISO date-time
	 * @param time {@code HH:mm}
	 */
	record Stay(@Size(max = 40) String date, @Size(max = 5) String time) {
	}

	boolean onlySpecialRequests() {
		return this.registration == null && this.hotelId == null && this.hotel == null && this.roomType == null
				&& this.roomNumber == null && this.checkIn == null && this.checkOut == null
				&& this.bookingReference == null && this.bookingStatus == null && this.notes == null;
	}

}
