package com.onsiteatlas.lodging.travel;

import java.util.Map;

import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.PersonalInfo;
import com.onsiteatlas.domainevents.RegistrationSnapshot;
import com.onsiteatlas.domainevents.lodging.TravelDocumentRef;
import com.onsiteatlas.domainevents.lodging.TravelLeg;
import com.onsiteatlas.domainevents.lodging.TravelSnapshot;

/**
 * The parts of travel domain events: the itinerary, a document and the registration as
 * the itinerary remembers it.
 */
final class TravelEvents {

	private TravelEvents() {
	}

	static TravelSnapshot snapshot(TravelInfo travel) {
		return new TravelSnapshot(travel.id(), leg(travel.arrival()), leg(travel.departure()), travel.status().value(),
				(travel.documents() != null) ? travel.documents().size() : 0);
	}

	private static TravelLeg leg(TravelInfo.Leg leg) {
		return (leg != null) ? new TravelLeg(leg.date(), leg.time(), leg.flightNumber(), leg.airport(), leg.terminal(),
				leg.transferRequired()) : null;
	}

	static TravelDocumentRef reference(TravelInfo.TravelDocument document) {
		return new TravelDocumentRef(document.id(), document.type(), document.name(), document.fileType(),
				document.fileSize());
	}

	/**
	 * The registration as the itinerary remembers it, for when the projection no longer
	 * knows it.
	 * @param travel the itinerary
	 * @return the snapshot
	 */
	static RegistrationSnapshot remembered(TravelInfo travel) {
		return new RegistrationSnapshot(travel.registration(),
				(travel.registrationId() != null) ? travel.registrationId() : travel.registration(),
				(travel.traveller() != null) ? travel.traveller()
						: new PersonalInfo("", "", null, null, null, null, null),
				null, "active", null, null, null, null, Map.of());
	}

	/**
	 * Who and where an event is about.
	 *
	 * @param conference the conference
	 * @param registration the registration
	 */
	record Context(ConferenceRef conference, RegistrationSnapshot registration) {
	}

}
