package com.onsiteatlas.domainevents;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.onsiteatlas.domainevents.abstracts.AbstractStatusChanged;
import com.onsiteatlas.domainevents.abstracts.AbstractSubmitted;
import com.onsiteatlas.domainevents.conference.EventCreated;
import com.onsiteatlas.domainevents.conference.EventDeleted;
import com.onsiteatlas.domainevents.conference.EventUpdated;
import com.onsiteatlas.domainevents.export.ExportCompleted;
import com.onsiteatlas.domainevents.export.ExportFailed;
import com.onsiteatlas.domainevents.lodging.HotelBookingCancelled;
import com.onsiteatlas.domainevents.lodging.HotelBookingCreated;
import com.onsiteatlas.domainevents.lodging.HotelBookingStatusChanged;
import com.onsiteatlas.domainevents.lodging.HotelBookingUpdated;
import com.onsiteatlas.domainevents.lodging.TravelDocumentDeleted;
import com.onsiteatlas.domainevents.lodging.TravelDocumentUploaded;
import com.onsiteatlas.domainevents.lodging.TravelInfoCreated;
import com.onsiteatlas.domainevents.lodging.TravelInfoUpdated;
import com.onsiteatlas.domainevents.notification.NotificationFailed;
import com.onsiteatlas.domainevents.notification.NotificationSent;
import com.onsiteatlas.domainevents.payment.PaymentReceived;
import com.onsiteatlas.domainevents.payment.PaymentRefunded;
import com.onsiteatlas.domainevents.registration.CheckInCompleted;
import com.onsiteatlas.domainevents.registration.RegistrationCancelled;
import com.onsiteatlas.domainevents.registration.RegistrationCreated;
import com.onsiteatlas.domainevents.registration.RegistrationUpdated;
import com.onsiteatlas.domainevents.registration.WorkshopRegistered;
import com.onsiteatlas.domainevents.resource.ResourceUsed;
import com.onsiteatlas.domainevents.sponsor.SponsorCreated;
import com.onsiteatlas.domainevents.sponsor.SponsorUpdated;

/**
 * Maps (type, version) to the payload record and topic. This is the single source of
 * truth for what travels on the platform's topics; the JSON Schemas, the AsyncAPI
 * document and the README tables are generated from or checked against it.
 */
public final class EventCatalog {

	private static final EventCatalog STANDARD = new EventCatalog(List.of(
			// Published by ONSITE ATLAS (the Node/Express core)
			new EventType("event-created", 1, Topics.EVENTS, EventCreated.class,
					"A conference was created: name, dates, venue, timezone, sender settings."),
			new EventType("event-updated", 1, Topics.EVENTS, EventUpdated.class,
					"A conference's details changed; carries the full new state."),
			new EventType("event-deleted", 1, Topics.EVENTS, EventDeleted.class,
					"A conference was deleted; consumers delete or anonymise its data."),
			new EventType("registration-created", 1, Topics.REGISTRATIONS, RegistrationCreated.class,
					"A person registered for a conference."),
			new EventType("registration-updated", 1, Topics.REGISTRATIONS, RegistrationUpdated.class,
					"A registration changed (personal info, category, status, payment status)."),
			new EventType("registration-cancelled", 1, Topics.REGISTRATIONS, RegistrationCancelled.class,
					"A registration was cancelled."),
			new EventType("workshop-registered", 1, Topics.REGISTRATIONS, WorkshopRegistered.class,
					"A registrant signed up for a workshop."),
			new EventType("check-in-completed", 1, Topics.REGISTRATIONS, CheckInCompleted.class,
					"A registrant was checked in on site."),
			new EventType("payment-received", 1, Topics.PAYMENTS, PaymentReceived.class,
					"A payment for a registration was captured."),
			new EventType("payment-refunded", 1, Topics.PAYMENTS, PaymentRefunded.class,
					"A payment was refunded in full or in part."),
			new EventType("abstract-submitted", 1, Topics.ABSTRACTS, AbstractSubmitted.class,
					"An abstract was submitted."),
			new EventType("abstract-status-changed", 1, Topics.ABSTRACTS, AbstractStatusChanged.class,
					"An abstract's status changed; old and new status use the model's hyphenated values."),
			new EventType("resource-used", 1, Topics.RESOURCES, ResourceUsed.class,
					"A meal, kit bag or certificate was scanned for a registrant."),
			new EventType("sponsor-created", 1, Topics.SPONSORS, SponsorCreated.class, "A sponsor was added."),
			new EventType("sponsor-updated", 1, Topics.SPONSORS, SponsorUpdated.class, "A sponsor's details changed."),
			// Published by lodging-travel-service
			new EventType("hotel-booking-created", 1, Topics.HOTEL_BOOKINGS, HotelBookingCreated.class,
					"A hotel booking was recorded for a registration."),
			new EventType("hotel-booking-updated", 1, Topics.HOTEL_BOOKINGS, HotelBookingUpdated.class,
					"A hotel booking's details (dates, room, requests) changed."),
			new EventType("hotel-booking-status-changed", 1, Topics.HOTEL_BOOKINGS, HotelBookingStatusChanged.class,
					"A hotel booking moved along its lifecycle (confirmed, checked-in, checked-out)."),
			new EventType("hotel-booking-cancelled", 1, Topics.HOTEL_BOOKINGS, HotelBookingCancelled.class,
					"A hotel booking was cancelled; its nights return to the room block."),
			new EventType("travel-info-created", 1, Topics.TRAVEL, TravelInfoCreated.class,
					"A registration's travel itinerary was recorded."),
			new EventType("travel-info-updated", 1, Topics.TRAVEL, TravelInfoUpdated.class,
					"A travel itinerary changed."),
			new EventType("travel-document-uploaded", 1, Topics.TRAVEL, TravelDocumentUploaded.class,
					"A travel document (ticket, visa, passport) was uploaded."),
			new EventType("travel-document-deleted", 1, Topics.TRAVEL, TravelDocumentDeleted.class,
					"A travel document was deleted."),
			// Published by notification-service
			new EventType("notification-sent", 1, Topics.NOTIFICATIONS, NotificationSent.class,
					"A notification was accepted by its channel's provider."),
			new EventType("notification-failed", 1, Topics.NOTIFICATIONS, NotificationFailed.class,
					"A notification failed permanently."),
			// Published by reporting-service
			new EventType("export-completed", 1, Topics.EXPORTS, ExportCompleted.class,
					"An export job finished and its file can be downloaded."),
			new EventType("export-failed", 1, Topics.EXPORTS, ExportFailed.class, "An export job failed.")));

	private final List<EventType> types;

	private final Map<String, EventType> byKey = new LinkedHashMap<>();

	private final Map<Class<?>, EventType> byPayload = new LinkedHashMap<>();

	public EventCatalog(List<EventType> types) {
		this.types = Collections.unmodifiableList(new ArrayList<>(types));
		for (EventType type : types) {
			if (this.byKey.put(key(type.name(), type.version()), type) != null) {
				throw new IllegalArgumentException("Duplicate event type " + type.name() + " v" + type.version());
			}
			if (this.byPayload.put(type.payloadType(), type) != null) {
				throw new IllegalArgumentException("Payload " + type.payloadType() + " registered twice");
			}
		}
	}

	/**
	 * The platform's catalog.
	 * @return the standard catalog
	 */
	public static EventCatalog standard() {
		return STANDARD;
	}

	public List<EventType> types() {
		return this.types;
	}

	public boolean knowsType(String name) {
		return this.types.stream().anyMatch((type) -> type.name().equals(name));
	}

	public Optional<EventType> findOptional(String name, int version) {
		return Optional.ofNullable(this.byKey.get(key(name, version)));
	}

	public EventType find(String name, int version) {
		return findOptional(name, version)
			.orElseThrow(() -> new IllegalArgumentException("No event type " + name + " v" + version));
	}

	public EventType forPayload(Class<?> payloadType) {
		EventType type = this.byPayload.get(payloadType);
		if (type == null) {
			throw new IllegalArgumentException(payloadType.getName() + " is not a registered payload");
		}
		return type;
	}

	public TreeSet<Integer> versionsOf(String name) {
		return this.types.stream()
			.filter((type) -> type.name().equals(name))
			.map(EventType::version)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	public List<EventType> onTopic(String topic) {
		return this.types.stream().filter((type) -> type.topic().equals(topic)).toList();
	}

	private static String key(String name, int version) {
		return name + "#" + version;
	}

}
