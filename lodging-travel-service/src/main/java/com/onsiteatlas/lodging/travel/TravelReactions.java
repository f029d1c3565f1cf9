package com.onsiteatlas.lodging.travel;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import com.onsiteatlas.domainevents.RegistrationSnapshot;

/**
 * What itineraries do when a registration or a conference changes elsewhere; each
 * reaction sets values or deletes, so a redelivered domain event changes nothing more.
 */
@Service
public class TravelReactions {

	private final TravelInfoRepository travels;

	TravelReactions(TravelInfoRepository travels) {
		this.travels = travels;
	}

	/**
	 * Refreshes the traveller details kept on a registration's travel info.
	 * @param eventId the conference
	 * @param registration the registration as the event carried it
	 * @return completes when done
	 */
	public Mono<Void> refreshRegistration(String eventId, RegistrationSnapshot registration) {
		return this.travels.refreshTraveller(eventId, registration);
	}

	/**
	 * Deletes the travel info of a deleted event (the stored files go with the event's
	 * GridFS files).
	 * @param eventId the conference
	 * @return number removed
	 */
	public Mono<Long> deleteEvent(String eventId) {
		return this.travels.removeAllOfEvent(eventId);
	}

}
