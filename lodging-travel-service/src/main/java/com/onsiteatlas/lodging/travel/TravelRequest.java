package com.onsiteatlas.lodging.travel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * The body of travel create and update; on update only the fields given change.
 *
 * @param registration the registration {@code _id}; a registrant may leave it out
 * @param arrival the arrival leg
 * @param departure the departure leg
 * @param notes notes
 * @param status pending, confirmed or completed (staff only)
 */
record TravelRequest(@Size(max = 24) String registration, @Valid LegRequest arrival, @Valid LegRequest departure,
		@Size(max = 5000) String notes, String status) {

	/**
	 * A leg as the client sends it.
	 *
	 * @param date {@code YYYY-MM-DD} or ISO date-time
	 * @param time {@code HH:mm}
	 * @param flightNumber e.g. {@code AI 101} or {@code 6E2043}
	 * @param airport IATA code such as {@code BLR}
	 * @param terminal terminal
	 * @param transferRequired whether a transfer is needed
	 */
	record LegRequest(@Size(max = 40) String date, @Size(max = 5) String time, @Size(max = 10) String flightNumber,
			@Size(max = 3) String airport, @Size(max = 10) String terminal, Boolean transferRequired) {
	}

}
