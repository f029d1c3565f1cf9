package com.onsiteatlas.reporting.readmodel;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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
import com.onsiteatlas.domainevents.payment.PaymentReceived;
import com.onsiteatlas.domainevents.payment.PaymentRefunded;
import com.onsiteatlas.domainevents.registration.CheckInCompleted;
import com.onsiteatlas.domainevents.registration.WorkshopRegistered;
import com.onsiteatlas.domainevents.resource.ResourceUsed;
import com.onsiteatlas.domainevents.sponsor.SponsorSnapshot;

/**
 * Turns domain events into {@link ReportRow}s. Every event carries a full snapshot of
 * what it is about, so applying one sets all its fields; a snapshot older than the stored
 * one is ignored, which makes redelivery and replay harmless. Facts that accumulate
 * (check-in, workshop sign-ups) are applied independently of that ordering.
 * {@link ReadModelListeners} applies each event here.
 */
@Component
class ReadModelProjection {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00");

	private final ReactiveMongoTemplate mongo;

	ReadModelProjection(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	Mono<Void> registration(ConferenceRef event, RegistrationSnapshot registration, Instant at) {
		return upsert(rowId("registrations", registration.id()), "registrations", event.id(),
				registrationValues(registration), at);
	}

	Mono<Void> checkIn(CheckInCompleted checkIn) {
		ZonedDateTime local = checkIn.checkedInAt().atZone(zone(checkIn.event()));
		Update update = new Update().set(ReportRow.VALUES + "checkedIn", true)
			.set(ReportRow.VALUES + "checkInTime", Date.from(checkIn.checkedInAt()))
			.set(ReportRow.VALUES + "checkInHour", local.getHour())
			.set(ReportRow.VALUES + "checkInSlot", SLOT.format(local));
		return registration(checkIn.event(), checkIn.registration(), checkIn.occurredAt())
			.then(this.mongo.upsert(byId(rowId("registrations", checkIn.registration().id())), update,
					ReportRow.COLLECTION))
			.then();
	}

	Mono<Void> workshop(WorkshopRegistered registered) {
		String registrationId = registered.registration().id();
		Values values = attendee(registered.registration()).put("workshopId", registered.workshop().workshopId())
			.put("workshopTitle", registered.workshop().title())
			.put("startDateTime", date(registered.workshop().startDateTime()))
			.put("venue", registered.workshop().venue())
			.put("priceCents", registered.workshop().priceCents())
			.put("currency", registered.workshop().currency())
			.put("registeredAt", date(registered.occurredAt()));
		return registration(registered.event(), registered.registration(), registered.occurredAt())
			.then(this.mongo.upsert(byId(rowId("registrations", registrationId)),
					new Update().addToSet(ReportRow.VALUES + "workshops", registered.workshop().title()),
					ReportRow.COLLECTION))
			.then(upsert(rowId("workshops", registrationId + ":" + registered.workshop().workshopId()), "workshops",
					registered.event().id(), values, registered.occurredAt()));
	}

	Mono<Void> payment(PaymentReceived payment) {
		Values values = attendee(payment.registration()).put("paymentId", payment.paymentId())
			.put("provider", payment.provider())
			.put("providerPaymentId", payment.providerPaymentId())
			.put("method", payment.method())
			.put("amountCents", payment.amountCents())
			.put("currency", payment.currency())
			.put("status", "paid")
			.put("invoiceUrl", payment.invoiceUrl())
			.put("paidAt", date((payment.capturedAt() != null) ? payment.capturedAt() : payment.occurredAt()));
		return registration(payment.event(), payment.registration(), payment.occurredAt())
			.then(upsert(rowId("payments", payment.paymentId()), "payments", payment.event().id(), values,
					payment.occurredAt()));
	}

	Mono<Void> refund(PaymentRefunded refund) {
		Values values = attendee(refund.registration()).put("paymentId", refund.paymentId())
			.put("refundedCents", refund.refundedCents())
			.put("currency", refund.currency())
			.put("status", refund.fullRefund() ? "refunded" : "partially-refunded")
			.put("refundedAt", date(refund.occurredAt()));
		if (refund.provider() != null) {
			values.put("provider", refund.provider());
		}
		return registration(refund.event(), refund.registration(), refund.occurredAt()).then(upsert(
				rowId("payments", refund.paymentId()), "payments", refund.event().id(), values, refund.occurredAt()));
	}

	Mono<Void> abstractRow(ConferenceRef event, AbstractSnapshot info, RegistrationSnapshot registration,
			PersonalInfo author, String reason, Instant at, boolean submitted) {
		PersonalInfo person = (author != null) ? author : (registration != null) ? registration.personalInfo() : null;
		Values values = new Values()
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
		return upsert(rowId("abstracts", info.id()), "abstracts", event.id(), values, at);
	}

	Mono<Void> resource(ResourceUsed used) {
		ZonedDateTime local = used.actionDate().atZone(zone(used.event()));
		String option = used.resourceOptionName();
		Values values = attendee(used.registration()).put("resourceType", used.resourceType())
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
		return upsert(rowId("resources", used.resourceId()), "resources", used.event().id(), values, used.occurredAt());
	}

	Mono<Void> sponsor(ConferenceRef event, SponsorSnapshot sponsor, Instant at) {
		Values values = new Values().put("sponsorId", sponsor.sponsorId())
			.put("companyName", sponsor.companyName())
			.put("authorizedPerson", sponsor.authorizedPerson())
			.put("email", sponsor.email())
			.put("displayPhoneNumber", sponsor.displayPhoneNumber())
			.put("sponsoringAmountCents", sponsor.sponsoringAmountCents())
			.put("currency", sponsor.currency())
			.put("registrantAllotment", sponsor.registrantAllotment())
			.put("status", sponsor.status())
			.put("updatedAt", date(at));
		return upsert(rowId("sponsors", sponsor.id()), "sponsors", event.id(), values, at);
	}

	Mono<Void> hotel(ConferenceRef event, RegistrationSnapshot registration, HotelBookingSnapshot booking, Instant at) {
		Values values = attendee(registration).put("bookingId", booking.id())
			.put("hotelName", booking.hotel().name())
			.put("roomType", booking.roomType())
			.put("roomNumber", booking.roomNumber())
			.put("checkInDate", date(booking.checkInDate()))
			.put("checkOutDate", date(booking.checkOutDate()))
			.put("nights", booking.nights())
			.put("bookingReference", booking.bookingReference())
			.put("bookingStatus", booking.bookingStatus())
			.put("specialRequests", booking.specialRequests());
		return upsert(rowId("hotel", booking.id()), "hotel", event.id(), values, at);
	}

	Mono<Void> travel(ConferenceRef event, RegistrationSnapshot registration, TravelSnapshot travel, Instant at) {
		Values values = attendee(registration).put("travelId", travel.id())
			.put("status", travel.status())
			.put("documentCount", travel.documentCount());
		leg(values, "arrival", travel.arrival());
		leg(values, "departure", travel.departure());
		return upsert(rowId("travel", travel.id()), "travel", event.id(), values, at);
	}

	private static void leg(Values values, String prefix, TravelLeg leg) {
		values.put(prefix + "Date", (leg != null) ? date(leg.date()) : null)
			.put(prefix + "Time", (leg != null) ? leg.time() : null)
			.put(prefix + "Flight", (leg != null) ? leg.flightNumber() : null)
			.put(prefix + "Airport", (leg != null) ? leg.airport() : null)
			.put(prefix + "Transfer", (leg != null) && leg.transferRequired());
	}

	Mono<Void> notificationSent(NotificationSent sent) {
		Values values = new Values().put("notificationId", sent.notificationId())
			.put("registrationId", (sent.registration() != null) ? sent.registration().registrationId() : null)
			.put("channel", sent.channel())
			.put("status", "sent")
			.put("templateId", sent.templateId())
			.put("triggerId", sent.triggerId())
			.put("attempts", sent.attempts())
			.put("testMode", sent.testMode())
			.put("at", date(sent.sentAt()));
		return upsert(rowId("notifications", sent.notificationId()), "notifications", sent.eventId(), values,
				sent.occurredAt());
	}

	Mono<Void> notificationFailed(NotificationFailed failed) {
		Values values = new Values().put("notificationId", failed.notificationId())
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
		return upsert(rowId("notifications", failed.notificationId()), "notifications", failed.eventId(), values,
				failed.occurredAt());
	}

	/**
	 * Sets the given values unless a newer snapshot was applied already. The guarded
	 * upsert of an outdated snapshot matches nothing and its insert collides on
	 * {@code _id}; that collision is the "ignore" case.
	 */
	private Mono<Void> upsert(String id, String rowType, String eventId, Values values, Instant at) {
		Update update = new Update().set("rowType", rowType)
			.set("eventId", eventId)
			.set("lastEventTime", Date.from(at))
			.setOnInsert("firstSeenAt", Date.from(at));
		values.map.forEach((field, value) -> update.set(ReportRow.VALUES + field, value));
		if ("registrations".equals(rowType)) {
			update.setOnInsert(ReportRow.VALUES + "registrationDate", Date.from(at))
				.setOnInsert(ReportRow.VALUES + "checkedIn", false);
		}
		// MongoDB uses the _id index here; the MongoDB-wire server only for a query that
		// is exactly {_id}, so this guarded one scans the collection there (see
		// docs/PERFORMANCE.md).
		Query newerOnly = Query.query(Criteria.where("_id")
			.is(id)
			.orOperator(Criteria.where("lastEventTime").exists(false),
					Criteria.where("lastEventTime").lte(Date.from(at))));
		return this.mongo.upsert(newerOnly, update, ReportRow.COLLECTION)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())
			.then();
	}

	private static Values registrationValues(RegistrationSnapshot registration) {
		PersonalInfo info = registration.personalInfo();
		return attendee(registration).put("firstName", info.firstName())
			.put("lastName", info.lastName())
			.put("phone", info.phone())
			.put("organization", info.organization())
			.put("designation", info.designation())
			.put("country", info.country())
			.put("status", registration.status())
			.put("paymentStatus", registration.paymentStatus())
			.put("registrationType", registration.registrationType())
			.put("amountCents", registration.amountCents())
			.put("currency", registration.currency());
	}

	private static Values attendee(RegistrationSnapshot registration) {
		if (registration == null) {
			return new Values();
		}
		return new Values().put("registrationId", registration.registrationId())
			.put("attendeeName", name(registration.personalInfo()))
			.put("email", registration.personalInfo().email())
			.put("category", (registration.category() != null) ? registration.category().name() : null);
	}

	private static String name(PersonalInfo info) {
		return (info.firstName() + " " + info.lastName()).trim();
	}

	private static Query byId(String id) {
		return Query.query(Criteria.where("_id").is(id));
	}

	static String rowId(String rowType, String key) {
		return rowType + ":" + key;
	}

	private static Date date(Instant instant) {
		return (instant != null) ? Date.from(instant) : null;
	}

	private static ZoneId zone(ConferenceRef event) {
		try {
			return (event.timezone() != null) ? ZoneId.of(event.timezone()) : ZoneOffset.UTC;
		}
		catch (RuntimeException ex) {
			return ZoneOffset.UTC;
		}
	}

	/** Field values in insertion order, nulls allowed. */
	private static final class Values {

		private final Map<String, Object> map = new LinkedHashMap<>();

		Values put(String field, Object value) {
			this.map.put(field, value);
			return this;
		}

	}

}
