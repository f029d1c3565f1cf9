package com.onsiteatlas.reporting.readmodel;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.PersonalInfo;
import com.onsiteatlas.domainevents.RegistrationSnapshot;
import com.onsiteatlas.domainevents.payment.PaymentReceived;
import com.onsiteatlas.domainevents.payment.PaymentRefunded;
import com.onsiteatlas.domainevents.registration.CheckInCompleted;
import com.onsiteatlas.domainevents.registration.WorkshopRegistered;

import static com.onsiteatlas.reporting.readmodel.RowUpserts.rowId;
import static com.onsiteatlas.reporting.readmodel.RowValues.attendee;
import static com.onsiteatlas.reporting.readmodel.RowValues.date;

/**
 * The rows of registrations and of what a registrant does that the registration row
 * records too: the registration itself, check-in (a fact that accumulates), workshop
 * sign-ups and payments. Each of these events refreshes the registration row from its
 * snapshot first.
 */
@Component
class RegistrationRows {

	private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00");

	private final RowUpserts rows;

	RegistrationRows(RowUpserts rows) {
		this.rows = rows;
	}

	Mono<Void> registration(ConferenceRef event, RegistrationSnapshot registration, Instant at) {
		return this.rows.upsert(rowId("registrations", registration.id()), "registrations", event.id(),
				registrationValues(registration), at);
	}

	/**
	 * Registration rows from snapshots as one bulk write.
	 * @param snapshots the newest snapshot of each registration of a batch
	 * @return completion
	 */
	Mono<Void> registrations(Collection<Snapshot> snapshots) {
		return this.rows.upsertAll(snapshots.stream()
			.map((snapshot) -> new ReportRowRepositoryCustom.SnapshotRow(
					rowId("registrations", snapshot.registration().id()), "registrations", snapshot.event().id(),
					registrationValues(snapshot.registration()).asMap(), snapshot.occurredAt(), snapshot.firstSeenAt()))
			.toList());
	}

	Mono<Void> checkIn(CheckInCompleted checkIn) {
		ZonedDateTime local = checkIn.checkedInAt().atZone(RowValues.zone(checkIn.event()));
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("checkedIn", true);
		values.put("checkInTime", Date.from(checkIn.checkedInAt()));
		values.put("checkInHour", local.getHour());
		values.put("checkInSlot", SLOT.format(local));
		return registration(checkIn.event(), checkIn.registration(), checkIn.occurredAt())
			.then(this.rows.set(rowId("registrations", checkIn.registration().id()), values));
	}

	Mono<Void> workshop(WorkshopRegistered registered) {
		String registrationId = registered.registration().id();
		RowValues values = attendee(registered.registration()).put("workshopId", registered.workshop().workshopId())
			.put("workshopTitle", registered.workshop().title())
			.put("startDateTime", date(registered.workshop().startDateTime()))
			.put("venue", registered.workshop().venue())
			.put("priceCents", registered.workshop().priceCents())
			.put("currency", registered.workshop().currency())
			.put("registeredAt", date(registered.occurredAt()));
		return registration(registered.event(), registered.registration(), registered.occurredAt())
			.then(this.rows.addToSet(rowId("registrations", registrationId), "workshops",
					registered.workshop().title()))
			.then(this.rows.upsert(rowId("workshops", registrationId + ":" + registered.workshop().workshopId()),
					"workshops", registered.event().id(), values, registered.occurredAt()));
	}

	Mono<Void> payment(PaymentReceived payment) {
		RowValues values = attendee(payment.registration()).put("paymentId", payment.paymentId())
			.put("provider", payment.provider())
			.put("providerPaymentId", payment.providerPaymentId())
			.put("method", payment.method())
			.put("amountCents", payment.amountCents())
			.put("currency", payment.currency())
			.put("status", "paid")
			.put("invoiceUrl", payment.invoiceUrl())
			.put("paidAt", date((payment.capturedAt() != null) ? payment.capturedAt() : payment.occurredAt()));
		return registration(payment.event(), payment.registration(), payment.occurredAt())
			.then(this.rows.upsert(rowId("payments", payment.paymentId()), "payments", payment.event().id(), values,
					payment.occurredAt()));
	}

	Mono<Void> refund(PaymentRefunded refund) {
		RowValues values = attendee(refund.registration()).put("paymentId", refund.paymentId())
			.put("refundedCents", refund.refundedCents())
			.put("currency", refund.currency())
			.put("status", refund.fullRefund() ? "refunded" : "partially-refunded")
			.put("refundedAt", date(refund.occurredAt()));
		if (refund.provider() != null) {
			values.put("provider", refund.provider());
		}
		return registration(refund.event(), refund.registration(), refund.occurredAt()).then(this.rows.upsert(
				rowId("payments", refund.paymentId()), "payments", refund.event().id(), values, refund.occurredAt()));
	}

	private static RowValues registrationValues(RegistrationSnapshot registration) {
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

	/**
	 * A registration's state from one event.
	 *
	 * @param event the conference
	 * @param registration the registration after the event
	 * @param occurredAt when the event happened
	 * @param firstSeenAt when the first event of the batch about it happened
	 */
	record Snapshot(ConferenceRef event, RegistrationSnapshot registration, Instant occurredAt, Instant firstSeenAt) {

	}

}
