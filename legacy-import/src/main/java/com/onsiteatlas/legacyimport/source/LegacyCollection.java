package com.onsiteatlas.legacyimport.source;

/**
 * The ONSITE ATLAS collections the backfill reads, in the order it reads them:
 * conferences first, so every consumer knows a conference before its registrations, and
 * registrations before what refers to them. The names are mongoose's defaults for the
 * models of the integration contract ({@code EventSponsor} is {@code eventsponsors}).
 */
public enum LegacyCollection {

	EVENTS("events", "_id"),

	REGISTRATIONS("registrations", "event"),

	WORKSHOPS("workshops", "event"),

	PAYMENTS("payments", "event"),

	ABSTRACTS("abstracts", "event"),

	RESOURCES("resources", "event"),

	SPONSORS("eventsponsors", "event");

	private final String collectionName;

	private final String conferenceField;

	LegacyCollection(String collectionName, String conferenceField) {
		this.collectionName = collectionName;
		this.conferenceField = conferenceField;
	}

	/**
	 * The MongoDB collection name.
	 * @return e.g. {@code registrations}
	 */
	public String collectionName() {
		return this.collectionName;
	}

	/**
	 * The field that holds the conference id, for the {@code --event} filter.
	 * @return {@code _id} for conferences, {@code event} for the rest
	 */
	public String conferenceField() {
		return this.conferenceField;
	}

}
