package com.onsiteatlas.lodging.travel;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A travel record as the API returns it: its fields plus the consistency warnings against
 * the registration's hotel booking.
 *
 * @param travel the record
 * @param warnings what does not fit the booking; empty when all is consistent
 */
record TravelInfoResponse(@JsonUnwrapped TravelInfo travel, List<Warning> warnings) {

	/**
	 * One inconsistency.
	 *
	 * @param code machine-readable code
	 * @param message for people
	 */
	record Warning(String code, String message) {
	}

}
