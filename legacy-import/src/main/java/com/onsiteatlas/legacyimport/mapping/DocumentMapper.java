package com.onsiteatlas.legacyimport.mapping;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;

import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.PersonalInfo;
import com.onsiteatlas.domainevents.RegistrationSnapshot;
import com.onsiteatlas.domainevents.abstracts.AbstractSnapshot;
import com.onsiteatlas.domainevents.abstracts.AbstractStatus;
import com.onsiteatlas.domainevents.abstracts.AbstractStatusChanged;
import com.onsiteatlas.domainevents.abstracts.AbstractSubmitted;
import com.onsiteatlas.domainevents.conference.EventCreated;
import com.onsiteatlas.domainevents.payment.PaymentReceived;
import com.onsiteatlas.domainevents.payment.PaymentRefunded;
import com.onsiteatlas.domainevents.registration.CheckInCompleted;
import com.onsiteatlas.domainevents.registration.RegistrationCreated;
import com.onsiteatlas.domainevents.registration.WorkshopRef;
import com.onsiteatlas.domainevents.registration.WorkshopRegistered;
import com.onsiteatlas.domainevents.resource.ResourceUsed;
import com.onsiteatlas.domainevents.sponsor.SponsorCreated;
import com.onsiteatlas.legacyimport.source.LegacyCollection;
import com.onsiteatlas.legacyimport.source.LegacySource;

import static com.onsiteatlas.legacyimport.mapping.LegacyValues.child;
import static com.onsiteatlas.legacyimport.mapping.LegacyValues.createdAt;
import static com.onsiteatlas.legacyimport.mapping.LegacyValues.id;
import static com.onsiteatlas.legacyimport.mapping.LegacyValues.instant;
import static com.onsiteatlas.legacyimport.mapping.LegacyValues.reference;
import static com.onsiteatlas.legacyimport.mapping.LegacyValues.text;
import static com.onsiteatlas.legacyimport.mapping.LegacyValues.whole;
import static com.onsiteatlas.legacyimport.mapping.ReplayEnvelopes.envelope;

/**
 * Turns one legacy document into the domain events its current state implies: a
 * conference is {@code event-created}; a registration is {@code registration-created}
 * (with its current status), plus {@code check-in-completed} when checked in and one
 * {@code workshop-registered} per embedded workshop it selected; a {@code Workshop}
 * document one {@code workshop-registered} per registration it lists; a captured payment
 * {@code payment-received}, plus {@code payment-refunded} when fully refunded; a
 * submitted abstract {@code abstract-submitted}, plus {@code abstract-status-changed}
 * when it moved on; a used or voided scan {@code resource-used}; a sponsor
 * {@code sponsor-created}. Each fact that cannot be mapped is skipped with its reason.
 */
public final class DocumentMapper {

	private static final Set<String> RESOURCE_TYPES = Set.of("food", "kitBag", "certificate", "certificatePrinting");

	private final LegacySource source;

	private final Snapshots snapshots;

	private final Clock clock;

	/**
	 * A mapper reading look-ups from the legacy database.
	 * @param source the legacy database
	 * @param defaultTimezone the conference time zone when the document has none (ONSITE
	 * ATLAS's model has none), may be null for UTC
	 * @param clock the time of facts whose document says nothing about when
	 */
	public DocumentMapper(LegacySource source, String defaultTimezone, Clock clock) {
		this.source = source;
		this.snapshots = new Snapshots(source, defaultTimezone);
		this.clock = clock;
	}

	/**
	 * Maps one document.
	 * @param collection where it comes from
	 * @param document the document
	 * @return its events, skipped facts and notes; never throws for odd data
	 */
	public MappingResult map(LegacyCollection collection, Document document) {
		MappingResult result = new MappingResult();
		try {
			switch (collection) {
				case EVENTS -> conference(document, result);
				case REGISTRATIONS -> registration(document, result);
				case WORKSHOPS -> workshop(document, result);
				case PAYMENTS -> payment(document, result);
				case ABSTRACTS -> abstractDocument(document, result);
				case RESOURCES -> resource(document, result);
				case SPONSORS -> sponsor(document, result);
			}
		}
		catch (UnmappableDocumentException ex) {
			result.skip(ex.getMessage());
		}
		catch (RuntimeException ex) {
			// A record constructor's own check, or a value of a type nobody expected.
			result.skip(collection.collectionName() + ": " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		return result;
	}

	private void conference(Document event, MappingResult result) {
		Instant time = when(event, result);
		EventCreated created = new EventCreated(this.snapshots.conferenceSnapshot(event, result::note), time,
				id(event.get("createdBy")));
		result.add(envelope(created, key(LegacyCollection.EVENTS, event), time, created.event().id()));
	}

	private void registration(Document registration, MappingResult result) {
		Document event = conferenceOf(registration);
		ConferenceRef conference = this.snapshots.conferenceRef(event);
		RegistrationSnapshot snapshot = this.snapshots.registration(registration, result::note);
		Instant time = when(registration, result);
		String key = key(LegacyCollection.REGISTRATIONS, registration);
		result.add(envelope(new RegistrationCreated(conference, snapshot, time, id(registration.get("registeredBy"))),
				key, time, conference.id()));
		Document checkIn = child(registration, "checkIn");
		if (checkIn != null
				&& (Boolean.TRUE.equals(checkIn.get("isCheckedIn")) || checkIn.get("checkedInAt") != null)) {
			Instant checkedInAt = instant(checkIn, "checkedInAt");
			if (checkedInAt == null) {
				result.skip("check-in without checkedInAt");
			}
			else {
				result.add(envelope(new CheckInCompleted(conference, snapshot, checkedInAt,
						id(checkIn.get("checkedInBy")), checkedInAt), key + "/check-in", checkedInAt, conference.id()));
			}
		}
		if (registration.get("workshopsSelected") instanceof List<?> selected) {
			for (Object entry : selected) {
				if (entry instanceof Document choice) {
					embeddedWorkshop(event, conference, snapshot, choice, key, time, result);
				}
			}
		}
	}

	private void embeddedWorkshop(Document event, ConferenceRef conference, RegistrationSnapshot registration,
			Document choice, String key, Instant time, MappingResult result) {
		String workshopId = id(choice.get("workshopId"));
		Document workshop = null;
		if (event.get("workshops") instanceof List<?> workshops) {
			for (Object candidate : workshops) {
				if (candidate instanceof Document document && workshopId != null
						&& workshopId.equals(id(document.get("_id")))) {
					workshop = document;
				}
			}
		}
		if (workshop == null || text(workshop, "name") == null) {
			result.skip("selected workshop is not among the conference's workshops");
			return;
		}
		Long priceCents = Optional.ofNullable(whole(choice.get("priceCents")))
			.orElse(whole(workshop.get("priceCents")));
		WorkshopRef ref = new WorkshopRef(workshopId, text(workshop, "name"), null, null, null, priceCents,
				(priceCents != null) ? registration.currency() : null);
		result.add(envelope(new WorkshopRegistered(conference, registration, ref, time, null),
				key + "/workshop/" + workshopId, time, conference.id()));
	}

	private void workshop(Document workshop, MappingResult result) {
		Document event = conferenceOf(workshop);
		ConferenceRef conference = this.snapshots.conferenceRef(event);
		String title = Optional.ofNullable(text(workshop, "title")).orElse(text(workshop, "name"));
		if (title == null) {
			throw new UnmappableDocumentException("workshop without a title");
		}
		Object venue = workshop.get("venue");
		Long priceCents = Optional.ofNullable(whole(workshop.get("priceCents")))
			.orElse(LegacyValues.majorToCents(workshop.get("price")));
		WorkshopRef ref = new WorkshopRef(id(workshop.get("_id")), title, instant(workshop, "startDateTime"),
				instant(workshop, "endDateTime"),
				(venue instanceof Document place) ? text(place, "name") : text(workshop, "venue"), priceCents,
				(priceCents != null) ? Optional.ofNullable(text(workshop, "currency")).orElse("USD") : null);
		Map<String, Object> registrations = new LinkedHashMap<>();
		if (workshop.get("registrations") instanceof List<?> listed) {
			listed.forEach((registration) -> registrations.putIfAbsent(id(registration), reference(registration)));
		}
		if (workshop.get("attendees") instanceof List<?> attendees) {
			for (Object attendee : attendees) {
				if (attendee instanceof Document document && document.get("registration") != null) {
					registrations.putIfAbsent(id(document.get("registration")),
							reference(document.get("registration")));
				}
			}
		}
		Instant time = when(workshop, result);
		String key = key(LegacyCollection.WORKSHOPS, workshop);
		registrations.forEach((registrationId, reference) -> {
			try {
				RegistrationSnapshot registration = this.snapshots.registration(
						this.source.registration(reference)
							.orElseThrow(() -> new UnmappableDocumentException("workshop's registration not found")),
						result::note);
				result.add(envelope(new WorkshopRegistered(conference, registration, ref, time, null),
						key + "/" + registrationId, time, conference.id()));
			}
			catch (UnmappableDocumentException ex) {
				result.skip(ex.getMessage());
			}
		});
	}

	private void payment(Document payment, MappingResult result) {
		String status = Optional.ofNullable(text(payment, "status")).orElse("").toLowerCase(Locale.ROOT);
		if (!Set.of("paid", "refunded", "partial-refund").contains(status)) {
			throw new UnmappableDocumentException("payment not captured (status '" + text(payment, "status") + "')");
		}
		Document event = conferenceOf(payment);
		ConferenceRef conference = this.snapshots.conferenceRef(event);
		RegistrationSnapshot registration = this.snapshots.registration(
				this.source.registration(reference(payment.get("registration")))
					.orElseThrow(() -> new UnmappableDocumentException("payment's registration not found")),
				result::note);
		Long amountCents = whole(payment.get("amountCents"));
		String provider = text(payment, "provider");
		if (amountCents == null || provider == null) {
			throw new UnmappableDocumentException("payment without amountCents or provider");
		}
		String currency = Optional.ofNullable(text(payment, "currency")).orElse("INR");
		Instant capturedAt = instant(payment, "capturedAt");
		Instant time = (capturedAt != null) ? capturedAt : when(payment, result);
		String key = key(LegacyCollection.PAYMENTS, payment);
		String paymentId = id(payment.get("_id"));
		result.add(envelope(new PaymentReceived(conference, registration, paymentId, amountCents, currency, provider,
				text(payment, "providerPaymentId"), text(payment, "method"), text(payment, "invoiceUrl"), capturedAt,
				time), key + "/received", time, conference.id()));
		if (status.equals("refunded")) {
			Instant refundedAt = Optional.ofNullable(instant(payment, "updatedAt")).orElse(time);
			result.add(envelope(
					new PaymentRefunded(conference, registration, paymentId, amountCents, currency, provider,
							text(payment, "providerPaymentId"), true, null, refundedAt),
					key + "/refunded", refundedAt, conference.id()));
		}
		else if (status.equals("partial-refund")) {
			result.skip("partial refund: the refunded amount is not stored, refund left out");
		}
	}

	private void abstractDocument(Document abstractDoc, MappingResult result) {
		AbstractStatus status = this.snapshots.abstractStatus(abstractDoc);
		if (status == AbstractStatus.DRAFT) {
			throw new UnmappableDocumentException("draft abstract, never submitted");
		}
		Document event = conferenceOf(abstractDoc);
		ConferenceRef conference = this.snapshots.conferenceRef(event);
		AbstractSnapshot snapshot = this.snapshots.abstractSnapshot(abstractDoc, event, result::note);
		RegistrationSnapshot registration = null;
		Object reference = reference(abstractDoc.get("registration"));
		if (reference != null) {
			try {
				registration = this.snapshots.registration(this.source.registration(reference)
					.orElseThrow(() -> new UnmappableDocumentException("not found")), result::note);
			}
			catch (UnmappableDocumentException ex) {
				result.note("abstract's registration left out: " + ex.getMessage());
			}
		}
		PersonalInfo author = (registration != null) ? registration.personalInfo() : null;
		Instant submittedAt = when(abstractDoc, result);
		String key = key(LegacyCollection.ABSTRACTS, abstractDoc);
		result.add(envelope(new AbstractSubmitted(conference, snapshot, registration, author, submittedAt, null),
				key + "/submitted", submittedAt, conference.id()));
		if (status != AbstractStatus.SUBMITTED) {
			Document review = child(abstractDoc, "reviewDetails");
			Instant decidedAt = Optional.ofNullable(instant(review, "decisionDate"))
				.or(() -> Optional.ofNullable(instant(abstractDoc, "updatedAt")))
				.orElse(submittedAt);
			result.add(envelope(
					new AbstractStatusChanged(conference, snapshot, registration, author, AbstractStatus.SUBMITTED,
							status, text(review, "decisionReason"), null, decidedAt,
							id((review != null) ? review.get("decisionBy") : null)),
					key + "/status/" + status.value(), decidedAt, conference.id()));
		}
	}

	private void resource(Document resource, MappingResult result) {
		String type = text(resource, "type");
		if (type == null || !RESOURCE_TYPES.contains(type)) {
			throw new UnmappableDocumentException(
					"resource type '" + type + "' is not food, kitBag, certificate or certificatePrinting");
		}
		String status = Optional.ofNullable(text(resource, "status")).orElse("used");
		boolean voided = Boolean.TRUE.equals(resource.get("isVoided")) || status.equals("voided");
		if (!voided && !status.equals("used")) {
			throw new UnmappableDocumentException("resource not used (status '" + status + "')");
		}
		Document event = conferenceOf(resource);
		ConferenceRef conference = this.snapshots.conferenceRef(event);
		RegistrationSnapshot registration = this.snapshots.registration(
				this.source.registration(reference(resource.get("registration")))
					.orElseThrow(() -> new UnmappableDocumentException("resource's registration not found")),
				result::note);
		Instant actionDate = Optional.ofNullable(instant(resource, "actionDate"))
			.orElseGet(() -> when(resource, result));
		result.add(envelope(
				new ResourceUsed(conference, registration, id(resource.get("_id")), type,
						id(resource.get("resourceOption")), text(resource, "resourceOptionName"),
						voided ? "voided" : "used", id(resource.get("actionBy")), actionDate, actionDate),
				key(LegacyCollection.RESOURCES, resource), actionDate, conference.id()));
	}

	private void sponsor(Document sponsor, MappingResult result) {
		Document event = conferenceOf(sponsor);
		ConferenceRef conference = this.snapshots.conferenceRef(event);
		Instant time = when(sponsor, result);
		result.add(envelope(new SponsorCreated(conference, this.snapshots.sponsor(sponsor, event), time, null),
				key(LegacyCollection.SPONSORS, sponsor), time, conference.id()));
	}

	private Document conferenceOf(Document document) {
		return this.source.conference(reference(document.get("event")))
			.orElseThrow(() -> new UnmappableDocumentException("conference not found"));
	}

	private Instant when(Document document, MappingResult result) {
		Instant created = createdAt(document);
		if (created == null) {
			result.note("no createdAt and no ObjectId time, import time used");
			return this.clock.instant();
		}
		return created;
	}

	private static String key(LegacyCollection collection, Document document) {
		return collection.collectionName() + "/" + id(document.get("_id"));
	}

}
