package com.onsiteatlas.readmodel;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.onsiteatlas.support.security.RegistrantRegistrations;

/**
 * Read access to the projected registrations and conferences; also tells security where a
 * registrant's token may reach.
 */
public class Directory implements RegistrantRegistrations {

	private final ReactiveMongoTemplate mongo;

	public Directory(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * A registration of an event; empty when unknown or of another event.
	 * @param eventId the conference
	 * @param registrationObjectId the registration {@code _id}
	 * @return the registration
	 */
	public Mono<RegistrationView> registration(String eventId, String registrationObjectId) {
		return this.mongo.findById(registrationObjectId, RegistrationView.class)
			.filter((registration) -> eventId.equals(registration.eventId()));
	}

	/**
	 * A registration of any event.
	 * @param registrationObjectId the registration {@code _id}
	 * @return the registration; empty when unknown
	 */
	public Mono<RegistrationView> registration(String registrationObjectId) {
		return this.mongo.findById(registrationObjectId, RegistrationView.class);
	}

	/**
	 * A registration by its human id ({@code REG-0001}) within an event.
	 * @param eventId the conference
	 * @param registrationId the human id
	 * @return the registration
	 */
	public Mono<RegistrationView> registrationByHumanId(String eventId, String registrationId) {
		return this.mongo.findOne(
				Query.query(Criteria.where("eventId").is(eventId).and("registrationId").is(registrationId)),
				RegistrationView.class);
	}

	@Override
	public Mono<RegistrantRegistration> registrant(String registrationObjectId) {
		return registration(registrationObjectId)
			.map((registration) -> new RegistrantRegistration(registration.eventId(), registration.isActive()));
	}

	public Mono<ConferenceView> conference(String eventId) {
		return this.mongo.findById(eventId, ConferenceView.class);
	}

}
