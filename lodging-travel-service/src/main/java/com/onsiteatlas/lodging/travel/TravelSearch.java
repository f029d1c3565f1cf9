package com.onsiteatlas.lodging.travel;

import java.time.Instant;

/**
 * A checked itinerary list filter, as the repository matches it.
 *
 * @param eventId the conference
 * @param registration only this registration {@code _id}, may be null
 * @param status only this status, may be null
 * @param airport arriving at or departing from this airport (upper case), may be null
 * @param transferRequired with (true) or without (false) a leg needing transfer, may be
 * null
 * @param arrivalFrom arriving on or after, may be null
 * @param arrivalTo arriving on or before, may be null
 * @param search text in the traveller's name, e-mail or registration id, may be null
 */
record TravelSearch(String eventId, String registration, TravelStatus status, String airport, Boolean transferRequired,
		Instant arrivalFrom, Instant arrivalTo, String search) {
}
