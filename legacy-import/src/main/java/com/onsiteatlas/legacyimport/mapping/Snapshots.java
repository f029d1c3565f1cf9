package com.onsiteatlas.legacyimport.mapping;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.bson.Document;

import com.onsiteatlas.domainevents.CategoryRef;
import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.PersonalInfo;
import com.onsiteatlas.domainevents.RegistrationSnapshot;
import com.onsiteatlas.domainevents.Venue;
import com.onsiteatlas.domainevents.abstracts.AbstractSnapshot;
import com.onsiteatlas.domainevents.abstracts.AbstractStatus;
import com.onsiteatlas.domainevents.conference.ConferenceSnapshot;
import com.onsiteatlas.domainevents.conference.SenderSettings;
import com.onsiteatlas.domainevents.sponsor.SponsorSnapshot;
import com.onsiteatlas.legacyimport.source.LegacySource;

import static com.onsiteatlas.legacyimport.mapping.LegacyValues.child;
import static com.onsiteatlas.legacyimport.mapping.LegacyValues.id;
import static com.onsiteatlas.legacyimport.mapping.LegacyValues.instant;
import static com.onsiteatlas.legacyimport.mapping.LegacyValues.reference;
import static com.onsiteatlas.legacyimport.mapping.LegacyValues.text;
import static com.onsiteatlas.legacyimport.mapping.LegacyValues.whole;

/**
 * The denormalised snapshots the payloads carry, built from legacy documents with the
 * Node library's rules ({@code clients/node/src/snapshots.ts}). Where the library throws
 * for a caller's mistake, a backfill meets old data: a missing optional value is left out
 * and noted, a missing required one makes the document unmappable with a reason.
 */
final class Snapshots {

	private static final Set<String> CONFERENCE_STATUSES = Set.of("draft", "published", "archived");

	private final LegacySource source;

	private final String defaultTimezone;

	Snapshots(LegacySource source, String defaultTimezone) {
		this.source = source;
		this.defaultTimezone = defaultTimezone;
	}

	ConferenceRef conferenceRef(Document event) {
		String name = text(event, "name");
		if (name == null) {
			throw new UnmappableDocumentException("conference without a name");
		}
		return new ConferenceRef(id(event.get("_id")), name, instant(event, "startDate"), instant(event, "endDate"),
				timezone(event), venue(child(event, "venue")));
	}

	ConferenceSnapshot conferenceSnapshot(Document event, Consumer<String> notes) {
		ConferenceRef ref = conferenceRef(event);
		if (ref.startDate() == null || ref.endDate() == null) {
			throw new UnmappableDocumentException("conference without startDate or endDate");
		}
		String status = text(event, "status");
		if (status != null && !CONFERENCE_STATUSES.contains(status.toLowerCase(Locale.ROOT))) {
			notes.accept("conference status '" + status + "' left out");
			status = null;
		}
		Document email = child(event, "emailSettings");
		// Only the sender identity: never the SMTP settings (smtpPassword is plain text).
		SenderSettings sender = (email != null) ? new SenderSettings(Boolean.TRUE.equals(email.get("enabled")),
				text(email, "senderName"), text(email, "senderEmail"), text(email, "replyToEmail")) : null;
		return new ConferenceSnapshot(ref.id(), ref.name(), ref.startDate(), ref.endDate(), ref.timezone(),
				(status != null) ? status.toLowerCase(Locale.ROOT) : null, ref.venue(),
				text(child(event, "pricingSettings"), "currency"), null, sender);
	}

	RegistrationSnapshot registration(Document registration, Consumer<String> notes) {
		String registrationId = text(registration, "registrationId");
		if (registrationId == null) {
			throw new UnmappableDocumentException("registration without registrationId");
		}
		RegistrationStatus status = RegistrationStatus.fromLegacy(text(registration, "status"))
			.orElseThrow(() -> new UnmappableDocumentException(
					"registration status '" + text(registration, "status") + "' is not a known spelling"));
		String stored = text(registration, "status");
		if (stored != null && !stored.equals(status.value())) {
			notes.accept("registration status '" + stored + "' read as '" + status.value() + "'");
		}
		Document pricing = child(child(registration, "pricing"), "totalAmount");
		Long amountCents = whole(registration.get("amountCents"));
		if (amountCents == null && pricing != null) {
			amountCents = whole(pricing.get("cents"));
		}
		String currency = Optional.ofNullable(text(registration, "currency")).orElse(text(pricing, "currency"));
		return new RegistrationSnapshot(id(registration.get("_id")), registrationId,
				personalInfo(child(registration, "personalInfo"), "registration", notes),
				category(registration.get("category"), notes), status.value(), paymentStatus(registration, notes),
				text(registration, "registrationType"), amountCents, currency,
				LegacyValues.plainMap(child(registration, "customFields")));
	}

	PersonalInfo personalInfo(Document info, String owner, Consumer<String> notes) {
		if (info == null) {
			throw new UnmappableDocumentException(owner + " without personalInfo");
		}
		String firstName = text(info, "firstName");
		String lastName = text(info, "lastName");
		if (firstName == null && lastName == null) {
			throw new UnmappableDocumentException(owner + " without a name (personalInfo.firstName and lastName)");
		}
		if (firstName == null || lastName == null) {
			notes.accept("personalInfo." + ((firstName == null) ? "firstName" : "lastName") + " missing, sent empty");
		}
		String email = text(info, "email");
		return new PersonalInfo(Objects.requireNonNullElse(firstName, ""), Objects.requireNonNullElse(lastName, ""),
				(email != null) ? email.toLowerCase(Locale.ROOT) : null, text(info, "phone"),
				text(info, "organization"), text(info, "designation"), text(info, "country"));
	}

	AbstractSnapshot abstractSnapshot(Document abstractDoc, Document event, Consumer<String> notes) {
		String title = text(abstractDoc, "title");
		if (title == null) {
			throw new UnmappableDocumentException("abstract without a title");
		}
		return new AbstractSnapshot(id(abstractDoc.get("_id")), text(abstractDoc, "abstractNumber"), title,
				text(abstractDoc, "topic"), text(abstractDoc, "subTopic"), text(abstractDoc, "submissionType"),
				abstractCategory(abstractDoc.get("category"), event, notes), authors(abstractDoc.get("authors")),
				abstractStatus(abstractDoc));
	}

	AbstractStatus abstractStatus(Document abstractDoc) {
		String stored = text(abstractDoc, "status");
		if (stored == null) {
			return AbstractStatus.SUBMITTED;
		}
		try {
			return AbstractStatus.normalise(stored);
		}
		catch (IllegalArgumentException ex) {
			throw new UnmappableDocumentException("abstract status '" + stored + "' is not a known spelling");
		}
	}

	SponsorSnapshot sponsor(Document sponsor, Document event) {
		String sponsorId = text(sponsor, "sponsorId");
		String companyName = text(sponsor, "companyName");
		if (sponsorId == null || companyName == null) {
			throw new UnmappableDocumentException("sponsor without sponsorId or companyName");
		}
		Long amount = LegacyValues.majorToCents(sponsor.get("sponsoringAmount"));
		String currency = (amount != null)
				? Optional.ofNullable(text(child(event, "pricingSettings"), "currency")).orElse("INR") : null;
		Long allotment = whole(sponsor.get("registrantAllotment"));
		return new SponsorSnapshot(id(sponsor.containsKey("_id") ? sponsor.get("_id") : sponsor.get("id")), sponsorId,
				companyName, text(sponsor, "authorizedPerson"), text(sponsor, "email"),
				text(sponsor, "displayPhoneNumber"), amount, currency,
				(allotment != null) ? Math.toIntExact(allotment) : null, text(sponsor, "status"));
	}

	private String timezone(Document event) {
		String timezone = text(event, "timezone");
		return (timezone != null) ? timezone : this.defaultTimezone;
	}

	private static Venue venue(Document venue) {
		if (venue == null) {
			return null;
		}
		return new Venue(text(venue, "name"), text(venue, "address"), text(venue, "city"), text(venue, "state"),
				text(venue, "country"), text(venue, "zipCode"));
	}

	private String paymentStatus(Document registration, Consumer<String> notes) {
		String stored = text(registration, "paymentStatus");
		Optional<PaymentStatus> status = PaymentStatus.fromLegacy(stored);
		if (stored != null && status.isEmpty()) {
			notes.accept("paymentStatus '" + stored + "' is not a known spelling, left out");
		}
		else if (stored != null && !stored.equals(status.get().value())) {
			notes.accept("paymentStatus '" + stored + "' read as '" + status.get().value() + "'");
		}
		return status.map(PaymentStatus::value).orElse(null);
	}

	private CategoryRef category(Object stored, Consumer<String> notes) {
		if (stored == null) {
			return null;
		}
		if (stored instanceof Document populated && text(populated, "name") != null) {
			return new CategoryRef(id(populated.get("_id")), text(populated, "name"));
		}
		Optional<Document> category = this.source.category(reference(stored));
		if (category.isEmpty() || text(category.get(), "name") == null) {
			notes.accept("registration category not found, left out");
			return null;
		}
		return new CategoryRef(id(category.get().get("_id")), text(category.get(), "name"));
	}

	private CategoryRef abstractCategory(Object stored, Document event, Consumer<String> notes) {
		if (stored == null) {
			return null;
		}
		if (stored instanceof Document populated && text(populated, "name") != null) {
			return new CategoryRef(id(populated.get("_id")), text(populated, "name"));
		}
		String wanted = id(stored);
		Object categories = child(event, "abstractSettings") != null
				? child(event, "abstractSettings").get("categories") : null;
		if (categories instanceof List<?> list) {
			for (Object candidate : list) {
				if (candidate instanceof Document category && wanted.equals(id(category.get("_id")))
						&& text(category, "name") != null) {
					return new CategoryRef(wanted, text(category, "name"));
				}
			}
		}
		notes.accept("abstract category not among the conference's abstractSettings.categories, left out");
		return null;
	}

	private static String authors(Object stored) {
		if (stored instanceof List<?> list) {
			return list.stream()
				.map((author) -> (author instanceof Document document) ? text(document, "name")
						: String.valueOf(author))
				.filter(Objects::nonNull)
				.collect(Collectors.joining(", "));
		}
		return (stored != null) ? stored.toString() : null;
	}

}
