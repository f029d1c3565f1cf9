package com.onsiteatlas.reporting.readmodel;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.PersonalInfo;
import com.onsiteatlas.domainevents.RegistrationSnapshot;
import com.onsiteatlas.domainevents.abstracts.AbstractSnapshot;
import com.onsiteatlas.domainevents.lodging.HotelBookingSnapshot;
import com.onsiteatlas.domainevents.lodging.TravelLeg;
import com.onsiteatlas.domainevents.lodging.TravelSnapshot;
import com.onsiteatlas.domainevents.notification.NotificationFailed;
import com.onsiteatlas.domainevents.notification.NotificationSent;
import com.onsiteatlas.domainevents.resource.ResourceUsed;
import com.onsiteatlas.domainevents.sponsor.SponsorSnapshot;

import static com.onsiteatlas.reporting.readmodel.RowUpserts.rowId;
import static com.onsiteatlas.reporting.readmodel.RowValues.attendee;
import static com.onsiteatlas.reporting.readmodel.RowValues.date;
import static com.onsiteatlas.reporting.readmodel.RowValues.name;

/**
 * Turns domain events about abstracts, resources, sponsors, hotel bookings, travel and
 * notifications into {@link ReportRow}s (registrations, workshops and payments are
 * {@link RegistrationRows}). Every event carries a full snapshot of what it is about, so
 * applying one sets all its fields; a snapshot older than the stored one is ignored
 * ({@link RowUpserts}), which makes redelivery and replay harmless.
 * {@link ReadModelListeners} applies each event here.
 */
@Component
class ReadModelProjection {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final RowUpserts rows;

	ReadModelProjection(RowUpserts rows) {
		this.rows = rows;
	}

	Mono<Void> abstractRow(ConferenceRef event, AbstractSnapshot info, RegistrationSnapshot registration,
			PersonalInfo author, String reason, Instant at, boolean submitted) {
		PersonalInfo person = (author != null) ? author : (registration != null) ? registration.personalInfo() : null;
		RowValues values = new RowValues()
			.put("abstractId", (info.abstractNumber() != null) ? info.abstractNumber() : info.id())
			.put("title", info.title())
			.put("author", (person != null) ? name(person) : null)
			.put("authorEmail", (person != null) ? person.email() : null)
			.put("authors", info.authors())
			.put("registrationId", (registration != null) ? registration.registrationId() : null)
			.put("status", (info.status() != null) ? info.status().toString() : null)
			.put("category", (info.category() != null) ? info.category().name() : null)
			.put("topic", info.topic())
			.put("submissionType", info.submissionType())
			.put("statusChangedAt", date(at));
		if (submitted) {
			values.put("submissionDate", date(at));
		}
		if (reason != null) {
			values.put("reviewerComments", reason);
		}
		return this.rows.upsert(rowId("abstracts", info.id()), "abstracts", event.id(), values, at);
	}

	Mono<Void> resource(ResourceUsed used) {
		ZonedDateTime local = used.actionDate().atZone(RowValues.zone(used.event()));
		String option = used.resourceOptionName();
		RowValues values = attendee(used.registration()).put("resourceType", used.resourceType())
			.put("resourceOptionName", option)
			.put("status", (used.status() != null) ? used.status() : "used")
			.put("actionBy", used.actionBy())
			.put("actionDate", date(used.actionDate()))
			.put("date", DAY.format(local))
			.put("time", TIME.format(local))
			.put("hour", local.getHour());
		switch (used.resourceType()) {
			case "food" -> values.put("mealType", used.resourceOptionId()).put("mealName", option);
			case "kitBag" -> values.put("kitType", option).put("distributionDate", date(used.actionDate()));
			default -> values.put("certificateType", option)
				.put("issuanceDate", date(used.actionDate()))
				.put("sentByEmail", false);
		}
		return this.rows.upsert(rowId("resources", used.resourceId()), "resources", used.event().id(), values,
				used.occurredAt());
	}

	Mono<Void> sponsor(ConferenceRef event, SponsorSnapshot sponsor, Instant at) {
		RowValues values = new RowValues().put("sponsorId", sponsor.sponsorId())
			.put("companyName", sponsor.companyName())
			.put("authorizedPerson", sponsor.authorizedPerson())
			.put("email", sponsor.email())
			.put("displayPhoneNumber", sponsor.displayPhoneNumber())
			.put("sponsoringAmountCents", sponsor.sponsoringAmountCents())
			.put("currency", sponsor.currency())
			.put("registrantAllotment", sponsor.registrantAllotment())
			.put("status", sponsor.status())
			.put("updatedAt", date(at));
		return this.rows.upsert(rowId("sponsors", sponsor.id()), "sponsors", event.id(), values, at);
	}

	Mono<Void> hotel(ConferenceRef event, RegistrationSnapshot registration, HotelBookingSnapshot booking, Instant at) {
		RowValues values = attendee(registration).put("bookingId", booking.id())
			.put("hotelName", booking.hotel().name())
			.put("roomType", booking.roomType())
			.put("roomNumber", booking.roomNumber())
			.put("checkInDate", date(booking.checkInDate()))
			.put("checkOutDate", date(booking.checkOutDate()))
			.put("nights", booking.nights())
			.put("bookingReference", booking.bookingReference())
			.put("bookingStatus", booking.bookingStatus())
			.put("specialRequests", booking.specialRequests());
		return this.rows.upsert(rowId("hotel", booking.id()), "hotel", event.id(), values, at);
	}

	Mono<Void> travel(ConferenceRef event, RegistrationSnapshot registration, TravelSnapshot travel, Instant at) {
		RowValues values = attendee(registration).put("travelId", travel.id())
			.put("status", travel.status())
			.put("documentCount", travel.documentCount());
		leg(values, "arrival", travel.arrival());
		leg(values, "departure", travel.departure());
		return this.rows.upsert(rowId("travel", travel.id()), "travel", event.id(), values, at);
	}

	private static void leg(RowValues values, String prefix, TravelLeg leg) {
		values.put(prefix + "Date", (leg != null) ? date(leg.date()) : null)
			.put(prefix + "Time", (leg != null) ? leg.time() : null)
			.put(prefix + "Flight", (leg != null) ? leg.flightNumber() : null)
			.put(prefix + "Airport", (leg != null) ? leg.airport() : null)
			.put(prefix + "Transfer", (leg != null) && leg.transferRequired());
	}

	Mono<Void> notificationSent(NotificationSent sent) {
		RowValues values = new RowValues().put("notificationId", sent.notificationId())
			.put("registrationId", (sent.registration() != null) ? sent.registration().registrationId() : null)
			.put("channel", sent.channel())
			.put("status", "sent")
			.put("templateId", sent.templateId())
			.put("triggerId", sent.triggerId())
			.put("attempts", sent.attempts())
			.put("testMode", sent.testMode())
			.put("at", date(sent.sentAt()));
		return this.rows.upsert(rowId("notifications", sent.notificationId()), "notifications", sent.eventId(), values,
				sent.occurredAt());
	}

	Mono<Void> notificationFailed(NotificationFailed failed) {
		RowValues values = new RowValues().put("notificationId", failed.notificationId())
			.put("registrationId", (failed.registration() != null) ? failed.registration().registrationId() : null)
			.put("channel", failed.channel())
			.put("status", "failed")
			.put("templateId", failed.templateId())
			.put("triggerId", failed.triggerId())
			.put("errorCode", failed.errorCode())
			.put("errorMessage", failed.errorMessage())
			.put("attempts", failed.attempts())
			.put("testMode", failed.testMode())
			.put("at", date(failed.failedAt()));
		return this.rows.upsert(rowId("notifications", failed.notificationId()), "notifications", failed.eventId(),
				values, failed.occurredAt());
	}

}
