package com.onsiteatlas.lodging.manifest;

import java.util.List;

/**
 * Who needs a transfer, grouped into shared pick-ups.
 *
 * @param from first day
 * @param to last day
 * @param windowMinutes the window length
 * @param arrivals arrival groups
 * @param departures departure groups
 * @param totals passengers per direction
 */
record TransferManifest(String from, String to, int windowMinutes, List<Group> arrivals, List<Group> departures,
		Totals totals) {

	/**
	 * Passengers of one day, airport, terminal and time window.
	 *
	 * @param date the day
	 * @param airport IATA code
	 * @param terminal terminal, null when not given
	 * @param windowStart first minute of the window ({@code HH:mm}), null when the time
	 * is unknown
	 * @param windowEnd end of the window (exclusive), null when the time is unknown
	 * @param passengerCount passengers
	 * @param passengers who
	 */
	record Group(String date, String airport, String terminal, String windowStart, String windowEnd, int passengerCount,
			List<Passenger> passengers) {
	}

	/**
	 * One passenger.
	 *
	 * @param travelInfoId the travel record
	 * @param registration the registration {@code _id}
	 * @param registrationId the human id
	 * @param name full name
	 * @param phone phone
	 * @param flightNumber flight
	 * @param time local time
	 */
	record Passenger(String travelInfoId, String registration, String registrationId, String name, String phone,
			String flightNumber, String time) {
	}

	/**
	 * Counts.
	 *
	 * @param arrivals arriving passengers
	 * @param departures departing passengers
	 */
	record Totals(int arrivals, int departures) {
	}

}
