package com.onsiteatlas.lodging.inventory;

import java.util.List;

/**
 * Pickup of one room type of one hotel: per night and in total.
 *
 * @param hotelId the hotel
 * @param hotelName its name
 * @param roomType the room type
 * @param nights per night
 * @param totals over all nights (room nights)
 * @param peakNight the night with the most rooms booked
 */
record PickupReport(String hotelId, String hotelName, String roomType, List<Line> nights, Line totals,
		String peakNight) {

	/**
	 * Counts of one night or of all nights.
	 *
	 * @param night the night, null for totals
	 * @param contracted contracted rooms
	 * @param booked booked rooms
	 * @param available rooms left
	 * @param pickupPercent booked as a percentage of contracted, one decimal
	 */
	record Line(String night, int contracted, int booked, int available, double pickupPercent) {

		static Line of(String night, int contracted, int booked, int available) {
			double pickup = (contracted == 0) ? 0 : Math.round(booked * 1000.0 / contracted) / 10.0;
			return new Line(night, contracted, booked, available, pickup);
		}

	}

}
