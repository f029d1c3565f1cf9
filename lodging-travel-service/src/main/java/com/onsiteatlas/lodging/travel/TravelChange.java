package com.onsiteatlas.lodging.travel;

import java.time.Instant;

/**
 * A change to a stored itinerary, as {@link TravelInfoRepository} writes it.
 */
sealed interface TravelChange {

	/**
	 * The legs, notes and status replaced.
	 *
	 * @param arrival the arrival leg
	 * @param departure the departure leg
	 * @param notes the notes
	 * @param status the status
	 * @param at when
	 */
	record Itinerary(TravelInfo.Leg arrival, TravelInfo.Leg departure, String notes, TravelStatus status,
			Instant at) implements TravelChange {
	}

	/**
	 * A document added to the itinerary.
	 *
	 * @param document the document
	 * @param at when
	 */
	record DocumentAdded(TravelInfo.TravelDocument document, Instant at) implements TravelChange {
	}

	/**
	 * A document taken off the itinerary.
	 *
	 * @param documentId the document's id
	 * @param at when
	 */
	record DocumentRemoved(String documentId, Instant at) implements TravelChange {
	}

}
