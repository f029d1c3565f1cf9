package com.onsiteatlas.lodging.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.onsiteatlas.lodging.LodgingTravelIntegrationTest;
import com.onsiteatlas.lodging.inventory.RoomNight;

import static org.assertj.core.api.Assertions.assertThat;

class HoldRepairTests extends LodgingTravelIntegrationTest {

	@Autowired
	HoldRepair repair;

	@Test
	void givesBackRoomsHeldByBookingsThatNeverGotConfirmedButKeepsRealHolds() {
		String eventId = newId();
		seedConference(eventId, "2027-01-20", "2027-01-22");
		String hotelId = createHotel(eventId, "Taj");
		put("/api/events/" + eventId + "/room-blocks", staff("admin"),
				Map.of("hotelId", hotelId, "roomType", "Deluxe", "firstNight", "2027-01-20", "rooms", 3))
			.exchange()
			.expectStatus()
			.isOk();
		String confirmed = createBooking(eventId, seedRegistration(eventId, "A", "One", "REG-1"), hotelId, "2027-01-20",
				"2027-01-21");
		patch("/api/events/" + eventId + "/hotel-bookings/" + confirmed + "/status", staff("staff"),
				Map.of("status", "confirmed"))
			.exchange()
			.expectStatus()
			.isOk();
		String crashed = createBooking(eventId, seedRegistration(eventId, "B", "Two", "REG-2"), hotelId, "2027-01-20",
				"2027-01-21");
		// What a crash between taking the night and writing the confirmation leaves
		// behind.
		Query night = Query.query(Criteria.where("event").is(eventId).and("night").is("2027-01-20"));
		this.mongo
			.updateFirst(night,
					new Update().inc("booked", 2).inc("available", -2).push("holders").each(crashed, newId()),
					RoomNight.class)
			.block();
		this.mongo.updateFirst(night, new Update().set("updatedAt", Instant.now().minusSeconds(600)), RoomNight.class)
			.block();

		assertThat(this.repair.repair(Duration.ofMinutes(2)).block()).isEqualTo(2);

		RoomNight after = this.mongo.findOne(night, RoomNight.class).block();
		assertThat(after.holders()).containsExactly(confirmed);
		assertThat(after.booked()).isEqualTo(1);
		assertThat(after.available()).isEqualTo(2);
	}

}
