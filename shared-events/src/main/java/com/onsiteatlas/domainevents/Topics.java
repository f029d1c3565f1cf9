package com.onsiteatlas.domainevents;

import java.util.List;

/**
 * Kafka topic names. One topic per producing aggregate; the record key is the aggregate
 * id, so the events of one aggregate stay in order. Topics keep every event forever
 * ({@code retention.ms=-1}, {@code cleanup.policy=delete}) so that a new consumer can
 * rebuild its state by replaying from the beginning; see docs/events.md.
 */
public final class Topics {

	/**
	 * Conference lifecycle: event-created, event-updated, event-deleted. Key: conference
	 * id.
	 */
	public static final String EVENTS = "atlas.events";

	/**
	 * Registration lifecycle and what happens to a registration:
	 * registration-created/updated/cancelled, workshop-registered, check-in-completed.
	 * Key: registration {@code _id}.
	 */
	public static final String REGISTRATIONS = "atlas.registrations";

	/** payment-received, payment-refunded. Key: registration {@code _id}. */
	public static final String PAYMENTS = "atlas.payments";

	/** abstract-submitted, abstract-status-changed. Key: abstract id. */
	public static final String ABSTRACTS = "atlas.abstracts";

	/**
	 * resource-used (meal, kit bag, certificate scans). Key: registration {@code _id}.
	 */
	public static final String RESOURCES = "atlas.resources";

	/** sponsor-created, sponsor-updated. Key: sponsor id. */
	public static final String SPONSORS = "atlas.sponsors";

	/** hotel-booking-created/updated/status-changed/cancelled. Key: booking id. */
	public static final String HOTEL_BOOKINGS = "atlas.hotel-bookings";

	/**
	 * travel-info-created/updated, travel-document-uploaded/deleted. Key: travel info id.
	 */
	public static final String TRAVEL = "atlas.travel";

	/** notification-sent, notification-failed. Key: notification id. */
	public static final String NOTIFICATIONS = "atlas.notifications";

	/** export-completed, export-failed. Key: export job id. */
	public static final String EXPORTS = "atlas.exports";

	/** Suffix of the dead-letter topic of each topic. */
	public static final String DEAD_LETTER_SUFFIX = ".DLT";

	private Topics() {
	}

	/**
	 * Every domain topic, in a stable order.
	 * @return topic names
	 */
	public static List<String> all() {
		return List.of(EVENTS, REGISTRATIONS, PAYMENTS, ABSTRACTS, RESOURCES, SPONSORS, HOTEL_BOOKINGS, TRAVEL,
				NOTIFICATIONS, EXPORTS);
	}

	/**
	 * The dead-letter topic of a topic.
	 * @param topic a domain topic
	 * @return its dead-letter topic
	 */
	public static String deadLetter(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

}
