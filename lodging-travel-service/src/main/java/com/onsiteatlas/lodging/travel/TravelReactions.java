package com.onsiteatlas.lodging.travel;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import com.onsiteatlas.domainevents.RegistrationSnapshot;

/**
 * What itineraries do when a registration or a conference changes elsewhere; each
 * reaction sets values or deletes, so a redelivered domain event changes nothing more.
 */
@Service
public class TravelReactions {

	private final ReactiveMongoTemplate mongo;

	TravelReactions(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Refreshes the traveller details kept on a registration's travel info.
	 * @param eventId the conference
	 * @param registration the registration as the event carried it
	 * @return completes when done
	 */
	public Mono<Void> refreshRegistration(String eventId, RegistrationSnapshot registration) {
		return this.mongo
			.updateMulti(Query.query(Criteria.where("event").is(eventId).and("registration").is(registration.id())),
					new Update().set("traveller", registration.personalInfo())
						.set("registrationId", registration.registrationId())
						.set("searchText",
								TravelInfo.searchText(registration.personalInfo(), registration.registrationId())),
					TravelInfo.class)
			.then();
	}

	/**
	 * Deletes the travel info of a deleted event (the stored files go with the event's
	 * GridFS files).
	 * @param eventId the conference
	 * @return number removed
	 */
	public Mono<Long> deleteEvent(String eventId) {
		return this.mongo.remove(Query.query(Criteria.where("event").is(eventId)), TravelInfo.class)
			.map((result) -> result.getDeletedCount());
	}

}
