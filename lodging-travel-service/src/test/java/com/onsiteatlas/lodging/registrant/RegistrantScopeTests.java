package com.onsiteatlas.lodging.registrant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.onsiteatlas.lodging.LodgingTravelIntegrationTest;
import com.onsiteatlas.readmodel.RegistrationView;

/**
 * A registrant-portal token as ONSITE ATLAS issues it, {@code {id, type:'registrant'}}
 * without an event, reaches its own registration's conference only, and none once the
 * registration is cancelled (issue 15, item 8).
 */
class RegistrantScopeTests extends LodgingTravelIntegrationTest {

	String home;

	String elsewhere;

	String registration;

	@BeforeEach
	void seed() {
		this.home = newId();
		this.elsewhere = newId();
		seedConference(this.home, "2027-01-20", "2027-01-22");
		seedConference(this.elsewhere, "2027-02-20", "2027-02-22");
		createHotel(this.home, "Taj");
		createHotel(this.elsewhere, "Leela");
		this.registration = seedRegistration(this.home, "Asha", "Rao", "REG-0001");
	}

	@Test
	void reachesItsOwnConferenceWithoutAnEventInTheToken() {
		get("/api/events/" + this.home + "/hotels", registrant(this.registration, null)).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(1);
	}

	@Test
	void doesNotReachAnotherConferenceWithoutAnEventInTheToken() {
		get("/api/events/" + this.elsewhere + "/hotels", registrant(this.registration, null)).exchange()
			.expectStatus()
			.isNotFound();
		get("/api/events/" + this.elsewhere + "/hotel-bookings", registrant(this.registration, null)).exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void reachesNoConferenceOnceTheRegistrationIsCancelled() {
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(this.registration)), Update.update("status", "cancelled"),
					RegistrationView.class)
			.block();
		get("/api/events/" + this.home + "/hotels", registrant(this.registration, null)).exchange()
			.expectStatus()
			.isNotFound();
		get("/api/events/" + this.home + "/hotels", registrant(this.registration, this.home)).exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void reachesNoConferenceForARegistrationThisServiceNeverHeardOfWithoutAnEventInTheToken() {
		get("/api/events/" + this.home + "/hotels", registrant(newId(), null)).exchange().expectStatus().isNotFound();
	}

}
