package com.onsiteatlas.lodging.booking;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.mongo.DataMongoTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.onsiteatlas.support.messaging.OutboxMessage;
import com.onsiteatlas.support.testing.EmbeddedMongo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guarded writes of {@link HotelBookingRepository} on a MongoDB slice (no web server,
 * Kafka or services): a change is stored with its outbox entry only while the booking is
 * as it was read.
 */
@DataMongoTest(properties = "spring.data.mongodb.database=atlas_lodging_repository_test")
class HotelBookingRepositoryTests {

	private static final Instant READ_AT = Instant.parse("2027-01-10T08:00:00Z");

	@Autowired
	HotelBookingRepository bookings;

	@Autowired
	ReactiveMongoTemplate mongo;

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		registry.add("spring.data.mongodb.uri", EmbeddedMongo::uri);
	}

	@Test
	void storesAStatusChangeWithItsOutboxEntryWhileTheStatusIsTheOneRead() {
		HotelBooking before = this.bookings.insert(pending()).block();
		HotelBooking after = before.toBuilder()
			.bookingStatus(BookingStatus.CONFIRMED)
			.updatedAt(READ_AT.plusSeconds(60))
			.outbox(null)
			.build();

		HotelBooking saved = this.bookings.updateIfStillInStatus(before, after, List.of(message("confirmed"))).block();

		assertThat(saved).isNotNull();
		assertThat(saved.bookingStatus()).isEqualTo(BookingStatus.CONFIRMED);
		assertThat(saved.updatedAt()).isEqualTo(READ_AT.plusSeconds(60));
		assertThat(saved.outbox()).extracting(OutboxMessage::type).containsExactly("confirmed");
		Document stored = this.mongo.findById(before.id(), Document.class, HotelBooking.COLLECTION).block();
		assertThat(stored.getString("bookingStatus")).isEqualTo("confirmed");
	}

	@Test
	void refusesAStatusChangeWhenTheBookingLeftTheStatusReadMeanwhile() {
		HotelBooking before = this.bookings.insert(pending()).block();
		this.bookings
			.updateIfStillInStatus(before, before.toBuilder().bookingStatus(BookingStatus.CANCELLED).build(),
					List.of(message("cancelled")))
			.block();

		HotelBooking late = this.bookings
			.updateIfStillInStatus(before, before.toBuilder().bookingStatus(BookingStatus.CONFIRMED).build(),
					List.of(message("confirmed")))
			.block();

		assertThat(late).isNull();
		HotelBooking stored = this.bookings.findById(before.id()).block();
		assertThat(stored.bookingStatus()).isEqualTo(BookingStatus.CANCELLED);
		assertThat(stored.outbox()).extracting(OutboxMessage::type).containsExactly("cancelled");
	}

	@Test
	void aStatusChangeLeavesTheConfirmationAsStoredAndARekeySwitchFailsEarlierReads() {
		HotelBooking before = this.bookings
			.insert(pending().toBuilder()
				.confirmationDocument(new HotelBooking.ConfirmationDocument("confirmation.pdf", "/confirmation",
						"application/pdf", 10L, READ_AT, "admin", "original"))
				.build())
			.block();
		assertThat(
				this.bookings.replaceConfirmationFile(before.id(), "original", "copy", READ_AT.plusSeconds(5)).block())
			.isTrue();
		assertThat(this.bookings.namesConfirmationFile(before.id(), "copy").block()).isTrue();

		// An update read before the switch is refused: updatedAt moved on.
		assertThat(this.bookings
			.updateIfUnchanged(before, before.toBuilder().notes("late").outbox(null).build(), List.of(message("u")))
			.block()).isNull();
		// A status change read before the switch does not write the original back.
		HotelBooking saved = this.bookings
			.updateIfStillInStatus(before,
					before.toBuilder()
						.bookingStatus(BookingStatus.CONFIRMED)
						.updatedAt(READ_AT.plusSeconds(60))
						.outbox(null)
						.build(),
					List.of(message("confirmed")))
			.block();

		assertThat(saved.bookingStatus()).isEqualTo(BookingStatus.CONFIRMED);
		assertThat(saved.confirmationDocument().storedFileId()).isEqualTo("copy");
		assertThat(this.bookings.replaceConfirmationFile(before.id(), "original", "again", READ_AT).block()).isFalse();
	}

	@Test
	void refusesAnUpdateAndARemovalOfABookingChangedSinceItWasRead() {
		HotelBooking before = this.bookings.insert(pending()).block();
		HotelBooking first = this.bookings
			.updateIfUnchanged(before,
					before.toBuilder().notes("first").updatedAt(READ_AT.plusSeconds(1)).outbox(null).build(),
					List.of(message("updated")))
			.block();

		HotelBooking second = this.bookings
			.updateIfUnchanged(before,
					before.toBuilder().notes("second").updatedAt(READ_AT.plusSeconds(2)).outbox(null).build(),
					List.of(message("updated")))
			.block();

		assertThat(first.notes()).isEqualTo("first");
		assertThat(second).isNull();
		assertThat(this.bookings.removeIfUnchanged(before).block()).isNull();
		assertThat(this.bookings.removeIfUnchanged(first).block()).isNotNull();
		assertThat(this.bookings.existsById(before.id()).block()).isFalse();
	}

	private static HotelBooking pending() {
		return HotelBooking.builder()
			.id(new ObjectId().toHexString())
			.event(new ObjectId().toHexString())
			.registration(new ObjectId().toHexString())
			.registrationId("REG-0001")
			.roomType("Deluxe")
			.nights(2)
			.bookingStatus(BookingStatus.PENDING)
			.flags(List.of())
			.createdBy("admin")
			.createdAt(READ_AT)
			.updatedAt(READ_AT)
			.outbox(List.of())
			.build();
	}

	private static OutboxMessage message(String type) {
		return new OutboxMessage(new ObjectId().toHexString(), "atlas.lodging", "booking", type, "{}", null,
				READ_AT.truncatedTo(ChronoUnit.MILLIS));
	}

}
