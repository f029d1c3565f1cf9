package com.onsiteatlas.notification.cutover;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * ONSITE ATLAS's {@code emailSettings.automaticEmails} switches and what stands for each
 * here: an event trigger, a scheduled trigger, or nothing (said why).
 */
enum AutomaticEmail {

	/** Sent by ONSITE ATLAS when a registration is created. */
	REGISTRATION_CONFIRMATION("registrationConfirmation", "registration", Equivalent.EVENT, "registration-created",
			null),

	/** The workshop details, when a registrant takes a workshop. */
	WORKSHOP_INFO("workshopInfo", "workshop", Equivalent.EVENT, "workshop-registered", null),

	/** A reminder before the conference: here the day before its first day at 09:00. */
	EVENT_REMINDER("eventReminder", "reminder", Equivalent.SCHEDULED, null, null),

	/** Certificates: ONSITE ATLAS attaches the certificate PDF it draws. */
	CERTIFICATE_DELIVERY("certificateDelivery", "certificate", Equivalent.NONE, null,
			"ONSITE ATLAS attaches the certificate it draws; the services have no certificate event and no "
					+ "certificate to attach, so this stays with ONSITE ATLAS"),

	/** The scientific brochure: ONSITE ATLAS attaches the uploaded brochure file. */
	SCIENTIFIC_BROCHURE("scientificBrochure", "scientificBrochure", Equivalent.NONE, null,
			"ONSITE ATLAS attaches the brochure file uploaded to it; the services do not have that file, so this "
					+ "stays with ONSITE ATLAS");

	private final String key;

	private final String templateKey;

	private final Equivalent equivalent;

	private final String eventType;

	private final String noEquivalentReason;

	AutomaticEmail(String key, String templateKey, Equivalent equivalent, String eventType, String noEquivalentReason) {
		this.key = key;
		this.templateKey = templateKey;
		this.equivalent = equivalent;
		this.eventType = eventType;
		this.noEquivalentReason = noEquivalentReason;
	}

	/** The key under {@code automaticEmails}. */
	String key() {
		return this.key;
	}

	/** The {@code emailSettings.templates} key the switch sends. */
	String templateKey() {
		return this.templateKey;
	}

	Equivalent equivalent() {
		return this.equivalent;
	}

	/** The trigger event type of an {@link Equivalent#EVENT} switch. */
	String eventType() {
		return this.eventType;
	}

	String noEquivalentReason() {
		return this.noEquivalentReason;
	}

	/** The setting's path in the ONSITE ATLAS Event document. */
	String setting() {
		return "emailSettings.automaticEmails." + this.key;
	}

	static Optional<AutomaticEmail> of(String key) {
		return Arrays.stream(values()).filter((email) -> email.key.equals(key)).findFirst();
	}

	static Optional<AutomaticEmail> forTemplate(String templateKey) {
		return Arrays.stream(values()).filter((email) -> email.templateKey.equals(templateKey)).findFirst();
	}

	static String keys() {
		return Arrays.stream(values()).map(AutomaticEmail::key).collect(Collectors.joining(", "));
	}

	/** What stands for a switch here. */
	enum Equivalent {

		/** An event trigger of {@link AutomaticEmail#eventType()}. */
		EVENT,

		/** A one-time scheduled trigger before the conference. */
		SCHEDULED,

		/** None: the switch stays with ONSITE ATLAS. */
		NONE

	}

}
